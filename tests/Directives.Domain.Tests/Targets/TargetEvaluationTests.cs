using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Targets;

public class TargetEvaluationTests
{
    [Theory]
    [InlineData(TargetComparator.AtLeast, 74.9, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.AtLeast, 75, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtLeast, 75.1, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtMost, 74.9, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtMost, 75, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtMost, 75.1, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Above, 74.9, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Above, 75, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Above, 75.1, TargetOutcome.Met)]
    [InlineData(TargetComparator.Below, 74.9, TargetOutcome.Met)]
    [InlineData(TargetComparator.Below, 75, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Below, 75.1, TargetOutcome.NotMet)]
    public void Absolute_ComparesTheMeasuredValue(TargetComparator comparator, double measured, TargetOutcome expected)
    {
        var target = Absolute(comparator, 75m);
        var evaluation = target.Evaluate(new TargetMeasurement(target.Id, (decimal)measured));
        Assert.Equal(expected, evaluation.Outcome);
        Assert.Equal((decimal)measured, evaluation.ComparedValue);
    }

    [Theory]
    // Baseline 1,000 crimes in 2022; the directive asks for at least 5% fewer: change AtMost −5.
    [InlineData(TargetComparator.AtMost, -5, 950, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtMost, -5, 951, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.AtMost, -5, 900, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtMost, -5, 1_020, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Below, -5, 950, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Below, -5, 949, TargetOutcome.Met)]
    [InlineData(TargetComparator.Below, 0, 999, TargetOutcome.Met)]
    [InlineData(TargetComparator.Below, 0, 1_000, TargetOutcome.NotMet)]
    // Growth targets: at least 10% more, above 10% more.
    [InlineData(TargetComparator.AtLeast, 10, 1_100, TargetOutcome.Met)]
    [InlineData(TargetComparator.AtLeast, 10, 1_099, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Above, 10, 1_100, TargetOutcome.NotMet)]
    [InlineData(TargetComparator.Above, 10, 1_101, TargetOutcome.Met)]
    public void PercentChange_ComparesTheChangeAgainstTheBaseline(TargetComparator comparator, int value, int measured, TargetOutcome expected)
    {
        var target = PercentChange(comparator, value, baseline: 1_000m);
        var evaluation = target.Evaluate(new TargetMeasurement(target.Id, measured));
        Assert.Equal(expected, evaluation.Outcome);
        Assert.Equal((measured - 1_000m) / 10m, evaluation.ComparedValue);
    }

    [Fact]
    public void PercentChange_PrefersTheBaselineTheReportStates()
    {
        var target = PercentChange(TargetComparator.AtMost, -5, baseline: 1_000m);
        var evaluation = target.Evaluate(new TargetMeasurement(target.Id, 950m, BaselineValue: 960m));
        Assert.Equal(TargetOutcome.NotMet, evaluation.Outcome);
        Assert.Equal((950m - 960m) / 960m * 100m, evaluation.ComparedValue);
    }

    [Fact]
    public void PercentChange_WithoutAnyBaselineIsNotReported()
    {
        var target = PercentChange(TargetComparator.AtMost, -5, baseline: null);
        Assert.Equal(TargetOutcome.NotReported, target.Evaluate(new TargetMeasurement(target.Id, 950m)).Outcome);
    }

    [Fact]
    public void Evaluate_RefusesAnotherTargetsMeasurement()
    {
        var target = Absolute(TargetComparator.Above, 75m);
        Assert.Throws<ArgumentException>(() => target.Evaluate(new TargetMeasurement(Guid.NewGuid(), 80m)));
    }

    [Fact]
    public void NoMeasurement_IsNotReported()
    {
        var target = Absolute(TargetComparator.Above, 75m);
        var evaluation = target.Evaluate(null);
        Assert.Equal(new TargetEvaluation(target.Id, TargetOutcome.NotReported), evaluation);
    }

    [Fact]
    public void Task_JudgesTheTienGiangTargetsFromTheLatestMeasurements()
    {
        var task = Task();
        task.SubmitReport(
            Guid.NewGuid(),
            Report(
                Police,
                ReportKind.Periodic6Month,
                45,
                new TargetMeasurement(CrimeDown, 980m),
                new TargetMeasurement(ClearanceRate, 74m),
                new TargetMeasurement(ReportsHandled, 100m)),
            Utc(2023, 6, 25));
        task.SubmitReport(
            Guid.NewGuid(),
            Report(
                Police,
                ReportKind.Annual,
                100,
                new TargetMeasurement(CrimeDown, 938m),
                new TargetMeasurement(ClearanceRate, 81.2m),
                new TargetMeasurement(SeriousClearanceRate, 90m)),
            Utc(2023, 12, 15));

        var evaluations = task.EvaluateTargets().ToDictionary(e => e.TargetId);

        Assert.Equal(TargetOutcome.Met, evaluations[CrimeDown].Outcome);
        Assert.Equal(-6.2m, evaluations[CrimeDown].ComparedValue);
        Assert.Equal(Utc(2023, 12, 15), evaluations[CrimeDown].MeasuredAt);
        Assert.Equal(TargetOutcome.Met, evaluations[ClearanceRate].Outcome);
        Assert.Equal(81.2m, evaluations[ClearanceRate].Measurement!.Value);
        Assert.Equal(TargetOutcome.NotMet, evaluations[SeriousClearanceRate].Outcome); // "trên 90%": 90 is not above.
        Assert.Equal(TargetOutcome.Met, evaluations[ReportsHandled].Outcome);
        Assert.Equal(Utc(2023, 6, 25), evaluations[ReportsHandled].MeasuredAt);
        Assert.Equal(TargetOutcome.NotReported, evaluations[ReportsResolved].Outcome);
        Assert.Equal([CrimeDown, ClearanceRate, SeriousClearanceRate, ReportsHandled, ReportsResolved], task.EvaluateTargets().Select(e => e.TargetId));
    }

    [Fact]
    public void Task_LatestBySubmissionTimeWinsWhateverTheFilingOrder()
    {
        var task = Task();
        task.SubmitReport(Guid.NewGuid(), Report(Police, measurements: new TargetMeasurement(ClearanceRate, 80m)), Utc(2023, 12, 1));
        task.SubmitReport(Guid.NewGuid(), Report(Military, measurements: new TargetMeasurement(ClearanceRate, 70m)), Utc(2023, 6, 1));

        var clearance = task.EvaluateTargets().Single(e => e.TargetId == ClearanceRate);
        Assert.Equal(80m, clearance.Measurement!.Value);
        Assert.Equal(TargetOutcome.Met, clearance.Outcome);
    }

    [Fact]
    public void Task_WithEqualSubmissionTimesTheLaterFiledWins()
    {
        var task = Task();
        task.SubmitReport(Guid.NewGuid(), Report(Police, measurements: new TargetMeasurement(ClearanceRate, 80m)), Utc(2023, 12, 1));
        task.SubmitReport(Guid.NewGuid(), Report(Police, measurements: new TargetMeasurement(ClearanceRate, 70m)), Utc(2023, 12, 1));
        Assert.Equal(TargetOutcome.NotMet, task.EvaluateTargets().Single(e => e.TargetId == ClearanceRate).Outcome);
    }

    [Fact]
    public void Task_WithoutReportsHasEveryTargetNotReported()
    {
        Assert.All(Task().EvaluateTargets(), e => Assert.Equal(TargetOutcome.NotReported, e.Outcome));
    }

    private static Target Absolute(TargetComparator comparator, decimal value)
    {
        var details = Details() with
        {
            Targets = [new TargetDetails { Id = Guid.NewGuid(), Metric = "Tỷ lệ khám phá", Comparator = comparator, Value = value, Unit = "%" }],
        };
        return DirectiveTask.Create(Guid.NewGuid(), DirectiveId, details).Targets[0];
    }

    private static Target PercentChange(TargetComparator comparator, decimal value, decimal? baseline)
    {
        var details = Details() with
        {
            Targets =
            [
                new TargetDetails
                {
                    Id = Guid.NewGuid(),
                    Metric = "Tội phạm về trật tự xã hội",
                    Kind = TargetKind.PercentChange,
                    Comparator = comparator,
                    Value = value,
                    Unit = "vụ",
                    BaselinePeriod = Period.OfYear(2022),
                    BaselineValue = baseline,
                },
            ],
        };
        return DirectiveTask.Create(Guid.NewGuid(), DirectiveId, details).Targets[0];
    }
}
