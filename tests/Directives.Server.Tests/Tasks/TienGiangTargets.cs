using Directives.Contracts.V1;
using Directives.Server.Tests.DemoData;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// Tiền Giang's 2023 targets (15/CT-UBND, point 3) as the demo data builds them, and the demo's
/// measurements of them, in the contract's terms.
/// </summary>
internal static class TienGiangTargets
{
    public const string Task3 = "provinces/tien-giang/directives/2022-15-ct-ubnd/tasks/3";

    private static readonly Domain.Tasks.DirectiveTask Demo = DemoDataSets.Of("tien-giang").Tasks.Single(t => t.Name == Task3).Value;

    public static IReadOnlyList<Target> All => [.. Demo.Targets.Select(ToContract)];

    public static string IdOf(string metricStart) => Demo.Targets.Single(t => t.Metric.StartsWith(metricStart, StringComparison.Ordinal)).Id.ToString("D");

    /// <summary>The measurements of the police's report on the first half of 2023.</summary>
    public static IReadOnlyList<Measurement> FirstHalf2023 => Measurements(Demo.Reports.OrderBy(r => r.SubmittedAt).First());

    /// <summary>The measurements of the police's annual report on 2023.</summary>
    public static IReadOnlyList<Measurement> Year2023 => Measurements(Demo.Reports.OrderBy(r => r.SubmittedAt).Last(r => r.Kind == Domain.Tasks.ReportKind.Annual));

    private static Measurement[] Measurements(Domain.Tasks.ProgressReport report)
        => [.. report.Measurements.Select(m =>
        {
            var measurement = new Measurement { TargetId = m.TargetId.ToString("D"), Value = (double)m.Value };
            if (m.BaselineValue is { } baseline)
            {
                measurement.BaselineValue = (double)baseline;
            }

            return measurement;
        })];

    private static Target ToContract(Domain.Targets.Target target)
    {
        var contract = new Target
        {
            TargetId = target.Id.ToString("D"),
            Metric = target.Metric,
            Comparator = (Target.Types.Comparator)(int)target.Comparator,
            Value = (double)target.Value,
            Unit = target.Unit,
            Kind = target.Kind == Domain.Targets.TargetKind.PercentChange ? Target.Types.Kind.PercentChange : Target.Types.Kind.Absolute,
        };
        if (target.BaselinePeriod is { } period)
        {
            contract.BaselinePeriod = new Period { Kind = PeriodKind.Year, Year = period.Year };
        }

        if (target.BaselineValue is { } baseline)
        {
            contract.BaselineValue = (double)baseline;
        }

        return contract;
    }
}
