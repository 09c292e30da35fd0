using Directives.Domain.Time;
using Directives.Domain.Validation;

namespace Directives.Domain.Targets;

/// <summary>A numeric target of a task: (metric, comparator, value, unit), absolute or as a change against a baseline period.</summary>
public sealed class Target
{
    private Target()
    {
    }

    public Guid Id { get; private set; }

    public string Metric { get; private set; } = "";

    public TargetComparator Comparator { get; private set; }

    public decimal Value { get; private set; }

    public string Unit { get; private set; } = "";

    public TargetKind Kind { get; private set; }

    public Period? BaselinePeriod { get; private set; }

    public decimal? BaselineValue { get; private set; }

    /// <summary>
    /// Judges one measurement. A percent change needs a baseline value, from the measurement or the
    /// target; without one the target counts as not reported rather than guessed.
    /// </summary>
    public TargetEvaluation Evaluate(TargetMeasurement? measurement)
    {
        if (measurement is null)
        {
            return new TargetEvaluation(Id, TargetOutcome.NotReported);
        }

        if (measurement.TargetId != Id)
        {
            throw new ArgumentException($"The measurement is of target {measurement.TargetId}, not {Id}.", nameof(measurement));
        }

        decimal compared;
        if (Kind == TargetKind.PercentChange)
        {
            if ((measurement.BaselineValue ?? BaselineValue) is not { } baseline || baseline == 0)
            {
                return new TargetEvaluation(Id, TargetOutcome.NotReported, measurement);
            }

            compared = (measurement.Value - baseline) / baseline * 100m;
        }
        else
        {
            compared = measurement.Value;
        }

        var met = Comparator switch
        {
            TargetComparator.AtLeast => compared >= Value,
            TargetComparator.AtMost => compared <= Value,
            TargetComparator.Above => compared > Value,
            TargetComparator.Below => compared < Value,
            _ => false,
        };
        return new TargetEvaluation(Id, met ? TargetOutcome.Met : TargetOutcome.NotMet, measurement, compared);
    }

    internal static Target? Create(TargetDetails? details, ViolationCollector violations)
    {
        if (details is null)
        {
            violations.Add("", "is missing");
            return null;
        }

        var before = violations.Violations.Count;
        violations.RequiredId("target_id", details.Id);
        var metric = violations.RequiredLine("metric", details.Metric, TextLimits.NameMaxLength);
        violations.Defined("comparator", details.Comparator);
        var unit = violations.RequiredLine("unit", details.Unit, TextLimits.ShortTextMaxLength);
        violations.Defined("kind", details.Kind);
        if (details.Kind == TargetKind.PercentChange)
        {
            if (details.BaselinePeriod is null)
            {
                violations.Add("baseline_period", "is required for a percent-change target");
            }

            if (details.BaselineValue is <= 0)
            {
                violations.Add("baseline_value", "must be greater than zero to compute a percent change");
            }
        }
        else
        {
            if (details.BaselinePeriod is not null)
            {
                violations.Add("baseline_period", "applies only to percent-change targets");
            }

            if (details.BaselineValue is not null)
            {
                violations.Add("baseline_value", "applies only to percent-change targets");
            }
        }

        if (violations.Violations.Count > before)
        {
            return null;
        }

        return new Target
        {
            Id = details.Id,
            Metric = metric!,
            Comparator = details.Comparator,
            Value = details.Value,
            Unit = unit!,
            Kind = details.Kind,
            BaselinePeriod = details.BaselinePeriod,
            BaselineValue = details.BaselineValue,
        };
    }

    /// <summary>Takes the values of a validated target with the same id, keeping this tracked instance.</summary>
    internal void CopyFrom(Target other)
    {
        Metric = other.Metric;
        Comparator = other.Comparator;
        Value = other.Value;
        Unit = other.Unit;
        Kind = other.Kind;
        BaselinePeriod = other.BaselinePeriod;
        BaselineValue = other.BaselineValue;
    }
}
