namespace Directives.Domain.Directives;

/// <summary>The field paths a directive's violations use: the API's field names.</summary>
public static class DirectiveFields
{
    public const string DocumentType = "document_type";
    public const string NumberAndSymbol = "number_and_symbol";
    public const string IssuingBody = "issuing_body";
    public const string Place = "place";
    public const string IssueDate = "issue_date";
    public const string Subject = "subject";
    public const string Signer = "signer";
    public const string LegalBases = "legal_bases";
    public const string Recipients = "recipients";
    public const string MonitoringAgency = "monitoring_agency";
    public const string ReportingSchedule = "reporting_schedule";
    public const string Confidentiality = "confidentiality";
    public const string Body = "body";
    public const string SupersededBy = "superseded_by";
}
