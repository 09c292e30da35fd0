using Directives.Domain.Targets;
using Directives.Domain.Time;

namespace Directives.Domain.Tasks;

/// <summary>What an agency submits as a progress report on a task.</summary>
public sealed record ReportDetails
{
    public required ReportKind Kind { get; init; }

    /// <summary>The reporting agency: the task's lead or one of its cooperating agencies.</summary>
    public required Guid AgencyId { get; init; }

    /// <summary>The period covered: a half-year for a 6-month report, a year for an annual one; optional otherwise.</summary>
    public Period? Period { get; init; }

    /// <summary>The report's text, kept verbatim.</summary>
    public required string Text { get; init; }

    /// <summary>How much of its part the agency has done, 0–100; a completion report says 100.</summary>
    public required int PercentComplete { get; init; }

    public IReadOnlyList<TargetMeasurement> Measurements { get; init; } = [];

    /// <summary>The person who submitted it.</summary>
    public required string SubmittedBy { get; init; }
}
