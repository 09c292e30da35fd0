using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Domain.Validation;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class ProgressReportTests
{
    [Fact]
    public void Submit_KeepsTheReportAndStartsTheTask()
    {
        var task = Task();
        var id = Guid.NewGuid();
        var submittedAt = new DateTimeOffset(2023, 6, 20, 15, 0, 0, TimeSpan.FromHours(7));

        var report = task.SubmitReport(id, Report(Front, ReportKind.Periodic6Month, 40, new TargetMeasurement(ClearanceRate, 78.5m)), submittedAt);

        Assert.Same(report, Assert.Single(task.Reports));
        Assert.Equal(id, report.Id);
        Assert.Equal(task.Id, report.TaskId);
        Assert.Equal(ReportKind.Periodic6Month, report.Kind);
        Assert.Equal(Front, report.AgencyId);
        Assert.Equal(Period.OfHalfYear(2023, 1), report.Period);
        Assert.Equal("Kết quả thực hiện nhiệm vụ…", report.Text);
        Assert.Equal(40, report.PercentComplete);
        Assert.Equal([new TargetMeasurement(ClearanceRate, 78.5m)], report.Measurements);
        Assert.Equal("Trần Văn A, Phòng Tham mưu", report.SubmittedBy);
        Assert.Equal(Utc(2023, 6, 20, 8), report.SubmittedAt);
        Assert.Equal(TaskState.InProgress, task.State);
    }

    [Fact]
    public void Submit_OnACompletedTaskKeepsItCompleted()
    {
        var task = Task();
        task.Complete(Utc(2023, 12, 1));
        task.SubmitReport(Guid.NewGuid(), Report(Police, ReportKind.Annual, 100), Utc(2023, 12, 20));
        Assert.Equal(TaskState.Completed, task.State);
    }

    [Fact]
    public void Submit_OnlyFromTheLeadOrACooperatingAgency()
    {
        var task = Task();
        Assert.Equal(["agency"], Violations.Of(() => task.SubmitReport(Guid.NewGuid(), Report(Education), Utc(2023, 6, 1))));
        Assert.Equal(["agency"], Violations.Of(() => task.SubmitReport(Guid.NewGuid(), Report(Guid.Empty), Utc(2023, 6, 1))));
        Assert.Empty(task.Reports);
        Assert.Equal(TaskState.NotStarted, task.State);
    }

    [Fact]
    public void Submit_IsRefusedOnACancelledTask()
    {
        var task = Task();
        task.Cancel("Không còn phù hợp");
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => task.SubmitReport(Guid.NewGuid(), Report(Police), Utc(2023, 6, 1))).Reason);
    }

    [Theory]
    [InlineData(ReportKind.Periodic6Month, null)]
    [InlineData(ReportKind.Periodic6Month, "năm 2023")]
    [InlineData(ReportKind.Annual, "6 tháng đầu năm 2023")]
    [InlineData(ReportKind.Annual, "Quý IV/2023")]
    [InlineData(ReportKind.Annual, null)]
    public void Submit_PeriodicReportsCoverTheirKindOfPeriod(ReportKind kind, string? period)
    {
        var details = Report(Police, kind) with { Period = period is null ? null : Period.Parse(period) };
        Assert.Equal(["period"], Violations.Of(() => Task().SubmitReport(Guid.NewGuid(), details, Utc(2023, 6, 1))));
    }

    [Fact]
    public void Submit_AdHocReportsMayNameAnyPeriodOrNone()
    {
        var task = Task();
        task.SubmitReport(Guid.NewGuid(), Report(Police) with { Period = Period.OfQuarter(2023, 2) }, Utc(2023, 6, 1));
        task.SubmitReport(Guid.NewGuid(), Report(Police), Utc(2023, 6, 2));
        Assert.Equal(2, task.Reports.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Submit_PercentCompleteIsBetween0And100(int percent)
    {
        Assert.Equal(["percent_complete"], Violations.Of(() => Task().SubmitReport(Guid.NewGuid(), Report(Police, percentDone: percent), Utc(2023, 6, 1))));
    }

    [Fact]
    public void Submit_CompletionReportSays100()
    {
        var task = Task();
        Assert.Equal(["percent_complete"], Violations.Of(() => task.SubmitReport(Guid.NewGuid(), Report(Police, ReportKind.Completion, 90), Utc(2023, 6, 1))));
        task.SubmitReport(Guid.NewGuid(), Report(Police, ReportKind.Completion, 100), Utc(2023, 6, 1));
        Assert.Single(task.Reports);
    }

    [Fact]
    public void Submit_MeasurementsMustBeOfThisTasksTargetsOnceEach()
    {
        var details = Report(
            Police,
            measurements:
            [
                new TargetMeasurement(ClearanceRate, 80m),
                new TargetMeasurement(Guid.NewGuid(), 1m),
                new TargetMeasurement(ClearanceRate, 81m),
                new TargetMeasurement(ReportsHandled, 100m, BaselineValue: 90m),
                new TargetMeasurement(CrimeDown, 900m, BaselineValue: 0m),
                null!,
            ]);

        Assert.Equal(
            ["measurements[1].target_id", "measurements[2].target_id", "measurements[3].baseline_value", "measurements[4].baseline_value", "measurements[5]"],
            Violations.Of(() => Task().SubmitReport(Guid.NewGuid(), details, Utc(2023, 6, 1))));
    }

    [Fact]
    public void Submit_PercentChangeNeedsABaselineSomewhere()
    {
        var task = DirectiveTask.Create(Guid.NewGuid(), DirectiveId, Details() with { Targets = TienGiangTargets(crimeBaseline: null) });
        var withoutBaseline = Report(Police, measurements: new TargetMeasurement(CrimeDown, 940m));
        Assert.Equal(["measurements[0].baseline_value"], Violations.Of(() => task.SubmitReport(Guid.NewGuid(), withoutBaseline, Utc(2023, 6, 1))));

        task.SubmitReport(Guid.NewGuid(), Report(Police, measurements: new TargetMeasurement(CrimeDown, 940m, 1_000m)), Utc(2023, 6, 1));
        Assert.Single(task.Reports);
    }

    [Fact]
    public void Submit_ReportsEveryProblemAtOnce()
    {
        var details = new ReportDetails
        {
            Kind = (ReportKind)7,
            AgencyId = Education,
            Text = "  ",
            PercentComplete = 150,
            SubmittedBy = "",
        };
        Assert.Equal(
            ["id", "kind", "agency", "text", "percent_complete", "submitted_by"],
            Violations.Of(() => Task().SubmitReport(Guid.Empty, details, Utc(2023, 6, 1))));
    }

    [Fact]
    public void Submit_TakesAtMost50Measurements()
    {
        var measurements = Enumerable.Range(0, 51).Select(_ => new TargetMeasurement(ClearanceRate, 80m)).ToArray();
        var fields = Violations.Of(() => Task().SubmitReport(Guid.NewGuid(), Report(Police, measurements: measurements), Utc(2023, 6, 1)));
        Assert.Equal("measurements", fields[0]);
    }

    [Fact]
    public void Submit_RejectsAReusedReportId()
    {
        var task = Task();
        var id = Guid.NewGuid();
        task.SubmitReport(id, Report(Police), Utc(2023, 6, 1));
        Assert.Equal(["id"], Violations.Of(() => task.SubmitReport(id, Report(Military), Utc(2023, 6, 2))));
    }

    [Fact]
    public void Submit_KeepsTheTextVerbatim()
    {
        var report = Task().SubmitReport(Guid.NewGuid(), Report(Police) with { Text = "  1. Kết quả:\n   - 78,5%\n" }, Utc(2023, 6, 1));
        Assert.Equal("  1. Kết quả:\n   - 78,5%\n", report.Text);
    }
}
