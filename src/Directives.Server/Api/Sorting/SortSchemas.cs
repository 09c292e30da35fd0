namespace Directives.Server.Api;

/// <summary>The <c>order_by</c> fields and default order of each List method, as the protos list them.</summary>
internal static class SortSchemas
{
    public static SortSchema ListDirectives { get; } = new(
        "ListDirectives", "issue_date desc", "issue_date", "number_and_symbol", "subject", "create_time", "update_time");

    /// <summary><c>number</c> orders by directive, then task number segment by segment (3, 3.1, 3.2, 3.10, 4).</summary>
    public static SortSchema ListTasks { get; } = new(
        "ListTasks", "number", "number", "deadline_time", "complete_time", "create_time", "update_time");

    public static SortSchema ListAgencies { get; } = new(
        "ListAgencies", "display_name", "display_name", "name", "kind", "create_time", "update_time");

    /// <summary><c>period</c> orders by the period's end.</summary>
    public static SortSchema ListReports { get; } = new(
        "ListReports", "submit_time desc", "submit_time", "period", "percent_complete");

    public static SortSchema ListCommittees { get; } = new(
        "ListCommittees", "level, area_name", "level", "area_name", "display_name", "create_time");

    public static SortSchema ListCompositions { get; } = new(
        "ListCompositions", "effective_date desc", "effective_date");

    /// <summary>The default orders by committee, then position rank, then start date.</summary>
    public static SortSchema ListVacancies { get; } = new(
        "ListVacancies", "committee, position, start_date", "committee", "position", "start_date");

    /// <summary>The default is <c>start_date desc</c>, then position rank, then the decision's order.</summary>
    public static SortSchema ListMemberHistory { get; } = new(
        "ListMemberHistory", "start_date desc, position", "start_date", "position", "person_name");

    /// <summary>ListDirectiveHistory, ListTaskHistory and ListAgencyHistory.</summary>
    public static SortSchema ListHistory { get; } = new("ListHistory", "commit_time desc", "commit_time");

    public static SortSchema ListProvinces { get; } = new("ListProvinces", "name", "name", "display_name", "create_time");
}
