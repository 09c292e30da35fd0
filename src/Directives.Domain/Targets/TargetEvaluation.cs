namespace Directives.Domain.Targets;

/// <summary>Whether a target is met, judged from the latest measurement of it.</summary>
/// <param name="TargetId">The target judged.</param>
/// <param name="Outcome">Met, not met, or not reported.</param>
/// <param name="Measurement">The measurement judged; null when not reported.</param>
/// <param name="ComparedValue">What was compared with the target value: the measured value, or the percent change.</param>
/// <param name="MeasuredAt">When the report carrying the measurement was submitted.</param>
public sealed record TargetEvaluation(
    Guid TargetId,
    TargetOutcome Outcome,
    TargetMeasurement? Measurement = null,
    decimal? ComparedValue = null,
    DateTimeOffset? MeasuredAt = null);
