namespace Directives.Domain.Committees;

/// <summary>The field paths a committee's violations use: the API's field names.</summary>
public static class CommitteeFields
{
    public const string DisplayName = "display_name";
    public const string Level = "level";
    public const string AreaName = "area_name";
    public const string StandingAgency = "standing_agency";
    public const string Decision = "decision";
    public const string DecisionNumber = "decision.number_and_symbol";
    public const string DecisionDate = "decision.issue_date";
    public const string EffectiveDate = "effective_date";
    public const string Members = "members";
    public const string PersonName = "person_name";
    public const string Title = "title";
    public const string Agency = "agency";
    public const string Position = "position";
    public const string ResponsibilityAreas = "responsibility_areas";
    public const string StartDate = "start_date";
    public const string EndDate = "end_date";
    public const string Reason = "reason";
}
