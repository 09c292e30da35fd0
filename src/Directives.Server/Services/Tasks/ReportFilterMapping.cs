using Directives.Server.Api;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The ListReports filter fields over <see cref="ReportRow"/>s in memory. A report's period is stored
/// as one text column and its text unfolded, so neither can be filtered in SQL: the rows of the parent's
/// scope are read without the text and filtered here.
/// </summary>
internal static class ReportFilterMapping
{
    public static FilterMapping<ReportRow> Instance { get; } = new FilterMapping<ReportRow>(FilterSchemas.ListReports)
        .Map("agency", r => r.Agency)
        .Map("kind", r => r.Kind)
        .Map("period.kind", r => r.PeriodKind)
        .Map("period.year", r => r.PeriodYear)
        .Map("period.index", r => r.PeriodIndex)
        .Map("percent_complete", r => r.PercentComplete)
        .Map("submitter.subject", r => r.SubmitterSubject)
        .Map("submit_time", r => r.SubmitTime)
        .Map("text", r => r.TextSearch)
        .Map("measurements.target_id", r => r.TargetIds)
        .EnsureComplete();

    /// <summary>Whether the filter searches the reports' text, which is then read for every row.</summary>
    public static bool SearchesText(BoundFilter filter) => Mentions(filter.Root, "text");

    private static bool Mentions(FilterExpression? node, string field) => node switch
    {
        FilterAnd and => and.Operands.Any(o => Mentions(o, field)),
        FilterOr or => or.Operands.Any(o => Mentions(o, field)),
        FilterNot not => Mentions(not.Operand, field),
        FilterCondition condition => condition.Field.Name == field,
        _ => false,
    };
}
