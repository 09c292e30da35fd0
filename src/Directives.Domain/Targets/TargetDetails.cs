using Directives.Domain.Time;

namespace Directives.Domain.Targets;

/// <summary>
/// A numeric target as a directive states it. Tiền Giang 2023, "kéo giảm tội phạm về trật tự xã hội
/// ít nhất 5% so với năm 2022", is metric "Tội phạm về trật tự xã hội", <see cref="TargetKind.PercentChange"/>,
/// <see cref="TargetComparator.AtMost"/> −5, unit "vụ", baseline <c>năm 2022</c>.
/// </summary>
public sealed record TargetDetails
{
    /// <summary>Chosen by the caller, so that an update can tell a changed target from a new one.</summary>
    public required Guid Id { get; init; }

    public required string Metric { get; init; }

    public required TargetComparator Comparator { get; init; }

    public required decimal Value { get; init; }

    /// <summary>What the metric counts: "%", "vụ" (cases). For a percent change, the unit of the measured values.</summary>
    public required string Unit { get; init; }

    public TargetKind Kind { get; init; } = TargetKind.Absolute;

    /// <summary>The period compared against; required for, and only for, a percent change.</summary>
    public Period? BaselinePeriod { get; init; }

    /// <summary>The metric's value in the baseline period, when already known.</summary>
    public decimal? BaselineValue { get; init; }
}
