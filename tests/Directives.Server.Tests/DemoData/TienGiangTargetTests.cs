using System.Globalization;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.Tests.DemoData;

/// <summary>Tiền Giang 15/CT-UBND's numeric targets for 2023 are the figures point 3 prints.</summary>
public sealed class TienGiangTargetTests
{
    private static readonly DirectiveTask Task3 = DemoDataSets.Of("tien-giang").Tasks
        .Single(t => t.Name == "provinces/tien-giang/directives/2022-15-ct-ubnd/tasks/3").Value;

    private static readonly string Seed = SeedFiles.Flatten(SeedFiles.Read(TienGiangDirective15.SeedFile));

    [Fact]
    public void SocialOrderCrimeDownAtLeastFivePercentAgainst2022()
    {
        var target = Task3.Targets.Single(t => t.Metric == "Tội phạm về trật tự xã hội");

        Assert.Equal(TargetKind.PercentChange, target.Kind);
        Assert.Equal(TargetComparator.AtMost, target.Comparator);
        Assert.Equal(-5m, target.Value);
        Assert.Equal(Period.OfYear(2022), target.BaselinePeriod);
        Assert.Contains(Invariant($"kéo giảm tội phạm về trật tự xã hội ít nhất {-target.Value}% so với năm {target.BaselinePeriod!.Year}"), Seed, StringComparison.Ordinal);
    }

    [Fact]
    public void ClearanceRatesAbove75AndAbove90ForVerySeriousCases()
    {
        var clearance = Task3.Targets.Single(t => t.Metric == "Tỷ lệ điều tra, khám phá án về trật tự xã hội");
        var verySerious = Task3.Targets.Single(t => t.Metric.Contains("rất nghiêm trọng", StringComparison.Ordinal));

        Assert.Equal((TargetKind.Absolute, TargetComparator.Above, 75m, "%"), (clearance.Kind, clearance.Comparator, clearance.Value, clearance.Unit));
        Assert.Equal((TargetKind.Absolute, TargetComparator.Above, 90m, "%"), (verySerious.Kind, verySerious.Comparator, verySerious.Value, verySerious.Unit));
        Assert.Contains(Invariant($"tỷ lệ điều tra, khám phá án về trật tự xã hội đạt trên {clearance.Value}%"), Seed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"án rất nghiêm trọng và đặc biệt nghiêm trọng đạt trên {verySerious.Value}%"), Seed, StringComparison.Ordinal);
    }

    [Fact]
    public void AllCrimeReportsHandledAndOver90PercentResolved()
    {
        var handled = Task3.Targets.Single(t => t.Metric.StartsWith("Tỷ lệ tin báo", StringComparison.Ordinal));
        var resolved = Task3.Targets.Single(t => t.Metric.StartsWith("Tỷ lệ giải quyết", StringComparison.Ordinal));

        Assert.Equal((TargetComparator.AtLeast, 100m), (handled.Comparator, handled.Value));
        Assert.Equal((TargetComparator.Above, 90m), (resolved.Comparator, resolved.Value));
        Assert.Contains(Invariant($"{handled.Value}% tin báo, tố giác tội phạm và kiến nghị, khởi tố được tiếp nhận, xử lý, trong đó tỷ lệ giải quyết đạt trên {resolved.Value}%"), Seed, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTargetsAreInTheTaskThatStatesThem()
    {
        Assert.Contains("Phấn đấu kéo giảm tội phạm về trật tự xã hội ít nhất 5%", Task3.Content, StringComparison.Ordinal);
        Assert.Equal(5, Task3.Targets.Count);
    }

    [Fact]
    public void TheIllustrativeAnnualReportMeetsEveryTarget()
    {
        Assert.All(Task3.EvaluateTargets(), e => Assert.Equal(TargetOutcome.Met, e.Outcome));
        Assert.All(Task3.Reports, r => Assert.StartsWith("[Dữ liệu minh họa]", r.Text, StringComparison.Ordinal));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
