using Directives.Domain.Targets;
using Directives.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using ContractTarget = Directives.Contracts.V1.Target;
using Enum = System.Enum;
using Measurement = Directives.Contracts.V1.Measurement;

namespace Directives.Server.Services.Tasks;

/// <summary>A task's targets: from the request into the domain's <see cref="TargetDetails"/>, and back with their latest measurement and outcome.</summary>
internal static class TargetMapping
{
    public static TargetDetails FromContract(ContractTarget target, string field, RequestViolations violations)
    {
        var item = violations.Nested(field);
        var id = Guid.NewGuid();
        if (target.TargetId.Length > 0 && !TargetIds.TryParse(target.TargetId, out id))
        {
            item.Add("target_id", "must be a lower-case UUID of 36 characters, or empty for the server to assign one");
        }

        var comparator = target.Comparator switch
        {
            ContractTarget.Types.Comparator.AtLeast => TargetComparator.AtLeast,
            ContractTarget.Types.Comparator.AtMost => TargetComparator.AtMost,
            ContractTarget.Types.Comparator.Above => TargetComparator.Above,
            ContractTarget.Types.Comparator.Below => TargetComparator.Below,
            _ => Unspecified<TargetComparator>(item, "comparator", "AT_LEAST, AT_MOST, ABOVE or BELOW"),
        };
        var kind = target.Kind switch
        {
            ContractTarget.Types.Kind.Absolute => TargetKind.Absolute,
            ContractTarget.Types.Kind.PercentChange => TargetKind.PercentChange,
            _ => Unspecified<TargetKind>(item, "kind", "ABSOLUTE or PERCENT_CHANGE"),
        };

        return new TargetDetails
        {
            Id = id,
            Metric = InputText.Nfc(target.Metric),
            Comparator = comparator,
            Value = NumberMapping.ToDecimal(target.Value, FieldPaths.Join(field, "value"), violations) ?? 0,
            Unit = InputText.Nfc(target.Unit),
            Kind = kind,
            BaselinePeriod = target.BaselinePeriod is { } period ? PeriodMapping.FromContract(period, FieldPaths.Join(field, "baseline_period"), violations) : null,
            BaselineValue = target.HasBaselineValue ? NumberMapping.ToDecimal(target.BaselineValue, FieldPaths.Join(field, "baseline_value"), violations) : null,
        };
    }

    /// <summary>The target with its latest measurement (<paramref name="latest"/>, null when none) and what it says.</summary>
    public static ContractTarget ToContract(Target target, LatestMeasurement? latest)
    {
        var result = new ContractTarget
        {
            TargetId = TargetIds.Format(target.Id),
            Metric = target.Metric,
            Comparator = target.Comparator switch
            {
                TargetComparator.AtLeast => ContractTarget.Types.Comparator.AtLeast,
                TargetComparator.AtMost => ContractTarget.Types.Comparator.AtMost,
                TargetComparator.Above => ContractTarget.Types.Comparator.Above,
                _ => ContractTarget.Types.Comparator.Below,
            },
            Value = NumberMapping.ToDouble(target.Value),
            Unit = target.Unit,
            Kind = target.Kind == TargetKind.PercentChange ? ContractTarget.Types.Kind.PercentChange : ContractTarget.Types.Kind.Absolute,
            BaselinePeriod = target.BaselinePeriod is { } period ? PeriodMapping.ToContract(period) : null,
        };
        if (target.BaselineValue is { } baseline)
        {
            result.BaselineValue = NumberMapping.ToDouble(baseline);
        }

        var evaluation = target.Evaluate(latest?.Measurement);
        result.Outcome = evaluation.Outcome switch
        {
            TargetOutcome.Met => ContractTarget.Types.Outcome.Met,
            TargetOutcome.NotMet => ContractTarget.Types.Outcome.NotMet,
            _ => ContractTarget.Types.Outcome.NotReported,
        };
        if (latest is not null)
        {
            result.LatestMeasurement = ToContract(latest.Measurement);
            result.LatestMeasurement.Report = latest.ReportName;
            result.LatestMeasurement.SubmitTime = Timestamp.FromDateTimeOffset(latest.SubmitTime);
        }

        if (target.Kind == TargetKind.PercentChange && evaluation.ComparedValue is { } change)
        {
            result.LatestChangePercent = NumberMapping.ToDouble(change);
        }

        return result;
    }

    public static Measurement ToContract(TargetMeasurement measurement)
    {
        var result = new Measurement { TargetId = TargetIds.Format(measurement.TargetId), Value = NumberMapping.ToDouble(measurement.Value) };
        if (measurement.BaselineValue is { } baseline)
        {
            result.BaselineValue = NumberMapping.ToDouble(baseline);
        }

        return result;
    }

    public static TargetMeasurement FromContract(Measurement measurement, string field, RequestViolations violations)
    {
        var item = violations.Nested(field);
        if (!TargetIds.TryParse(measurement.TargetId, out var targetId))
        {
            item.Add("target_id", measurement.TargetId.Length == 0 ? "is required" : "is not a target_id (a lower-case UUID of 36 characters)");
        }

        var value = NumberMapping.ToDecimal(measurement.Value, FieldPaths.Join(field, "value"), violations) ?? 0;
        var baseline = measurement.HasBaselineValue ? NumberMapping.ToDecimal(measurement.BaselineValue, FieldPaths.Join(field, "baseline_value"), violations) : null;
        return new TargetMeasurement(targetId, value, baseline);
    }

    // An unset enum: reported here with the values to choose from, and passed on as 0, which the domain refuses too.
    private static TEnum Unspecified<TEnum>(RequestViolations item, string field, string choices)
        where TEnum : struct, Enum
    {
        item.Add(field, $"is required: {choices}");
        return default;
    }
}
