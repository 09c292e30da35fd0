namespace Directives.Domain.Tasks;

/// <summary>The field paths a task's violations use: the API's field names.</summary>
public static class TaskFields
{
    public const string Directive = "directive";
    public const string Number = "number";
    public const string Title = "title";
    public const string Content = "content";
    public const string LeadAgency = "lead_agency";
    public const string CooperatingAgencies = "cooperating_agencies";
    public const string OriginalDeadline = "original_deadline";
    public const string Targets = "targets";
    public const string Reason = "reason";
    public const string NewDeadline = "new_deadline";
    public const string ApprovingDecision = "approving_decision";
    public const string ApprovedAt = "approved_at";
    public const string ApprovedBy = "approved_by";
    public const string Kind = "kind";
    public const string Agency = "agency";
    public const string Period = "period";
    public const string Text = "text";
    public const string PercentComplete = "percent_complete";
    public const string Measurements = "measurements";
    public const string SubmittedBy = "submitted_by";
}
