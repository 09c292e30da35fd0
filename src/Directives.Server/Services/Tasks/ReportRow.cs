using Directives.Contracts.V1;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// A filed report as ListReports filters and orders it, without its text (read only for the page):
/// the contract's filter fields as plain values, so the toolkit's filter compiles to a delegate over it.
/// </summary>
internal sealed class ReportRow
{
    public required string Province { get; init; }

    public required string Directive { get; init; }

    public required string TaskId { get; init; }

    public required Guid TaskKey { get; init; }

    public required Guid ReportKey { get; init; }

    /// <summary>The report's ID in its name.</summary>
    public required string ReportId { get; init; }

    public required string Agency { get; init; }

    public required ProgressReport.Types.Kind Kind { get; init; }

    public PeriodKind? PeriodKind { get; init; }

    public long? PeriodYear { get; init; }

    public long? PeriodIndex { get; init; }

    /// <summary>The last day of the period, which <c>order_by period</c> sorts by.</summary>
    public DateOnly? PeriodEnd { get; init; }

    public required int PercentComplete { get; init; }

    public required string SubmitterSubject { get; init; }

    public required DateTimeOffset SubmitTime { get; init; }

    /// <summary>The folded text, read only when the filter searches it.</summary>
    public string TextSearch { get; init; } = "";

    public required IReadOnlyList<string> TargetIds { get; init; }
}
