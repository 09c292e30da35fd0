using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Outcome = Directives.Contracts.V1.Target.Types.Outcome;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// ReportProgress, GetReport and ListReports: reports from the task's agencies, their measurements
/// judged against the task's targets (Tiền Giang's 2023 targets from the demo data), and lists per
/// agency and per period.
/// </summary>
public abstract class ProgressReportTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task MeasurementsAreJudgedAgainstTheTargetsAndTheLatestWins()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var request = scenario.NewTask("3", TaskScenario.Police, [TaskScenario.Procuracy], Deadlines.Year(2023));
        request.Targets.AddRange(TienGiangTargets.All);
        var task = await scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = request });
        Assert.All(task.Targets, t => Assert.Equal(Outcome.NotReported, t.Outcome));
        Assert.Equal(TienGiangTargets.All.Select(t => t.TargetId), task.Targets.Select(t => t.TargetId));

        var firstHalf = await scenario.Secretariat().ReportProgressAsync(new ReportProgressRequest
        {
            Parent = task.Name,
            Report = Report(scenario, TaskScenario.Police, ProgressReport.Types.Kind.SixMonthly, 50, new Period { Kind = PeriodKind.HalfYear, Year = 2023, Index = 1 }, TienGiangTargets.FirstHalf2023),
        });
        var afterFirstHalf = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = task.Name });

        Assert.Equal(Contracts.V1.Task.Types.State.InProgress, afterFirstHalf.State);
        Assert.Equal(50, afterFirstHalf.PercentComplete);
        Assert.Equal(firstHalf.SubmitTime, afterFirstHalf.LastReportTime);
        var crime = Target(afterFirstHalf, "Tội phạm về trật tự xã hội");
        Assert.Equal(Outcome.Met, crime.Outcome);
        Assert.Equal((318 - 341) / 341.0 * 100, crime.LatestChangePercent, 6);
        Assert.Equal(firstHalf.Name, crime.LatestMeasurement.Report);
        Assert.Equal(318, crime.LatestMeasurement.Value);
        Assert.Equal(Outcome.Met, Target(afterFirstHalf, "Tỷ lệ điều tra, khám phá án về trật tự xã hội").Outcome);
        Assert.Equal(Outcome.Met, Target(afterFirstHalf, "Tỷ lệ tin báo").Outcome);
        Assert.Equal(Outcome.NotMet, Target(afterFirstHalf, "Tỷ lệ giải quyết").Outcome);

        // The procuracy's own figure is still short; then the police's annual report meets every target.
        await scenario.Secretariat().ReportProgressAsync(new ReportProgressRequest
        {
            Parent = task.Name,
            Report = Report(scenario, TaskScenario.Procuracy, ProgressReport.Types.Kind.AdHoc, 70, null, [new Measurement { TargetId = TienGiangTargets.IdOf("Tỷ lệ giải quyết"), Value = 89.6 }]),
        });
        Assert.Equal(Outcome.NotMet, Target(await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = task.Name }), "Tỷ lệ giải quyết").Outcome);
        var annual = await scenario.Secretariat().ReportProgressAsync(new ReportProgressRequest
        {
            Parent = task.Name,
            Report = Report(scenario, TaskScenario.Police, ProgressReport.Types.Kind.Annual, 100, new Period { Kind = PeriodKind.Year, Year = 2023 }, TienGiangTargets.Year2023),
        });

        var final = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = task.Name });
        Assert.All(final.Targets, t => Assert.Equal(Outcome.Met, t.Outcome));
        Assert.All(final.Targets, t => Assert.Equal(annual.Name, t.LatestMeasurement.Report));
        Assert.Equal((648 - 692) / 692.0 * 100, Target(final, "Tội phạm về trật tự xã hội").LatestChangePercent, 6);
        Assert.Equal(100, final.PercentComplete);
        Assert.Equal(Contracts.V1.Task.Types.State.InProgress, final.State);
    }

    [Fact]
    public async Task AReportIsCheckedAgainstItsTask()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var request = scenario.NewTask("3", TaskScenario.Police, [TaskScenario.Procuracy]);
        request.Targets.AddRange(TienGiangTargets.All);
        var task = await scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = request });
        var client = scenario.Secretariat();

        var report = Report(scenario, TaskScenario.Transport, ProgressReport.Types.Kind.SixMonthly, 120, null, [new Measurement { TargetId = Guid.NewGuid().ToString(), Value = 1 }]);
        report.Text = "";
        await ApiAssert.InvalidAsync(
            () => client.ReportProgressAsync(new ReportProgressRequest { Parent = task.Name, Report = report }),
            "report.agency",
            "report.period",
            "report.text",
            "report.percent_complete",
            "report.measurements[0].target_id");

        // A percent-change target needs a baseline value from the target or the measurement.
        await ApiAssert.InvalidAsync(
            () => client.ReportProgressAsync(new ReportProgressRequest
            {
                Parent = task.Name,
                Report = Report(scenario, TaskScenario.Police, ProgressReport.Types.Kind.AdHoc, 10, null, [new Measurement { TargetId = TienGiangTargets.IdOf("Tội phạm"), Value = 300 }]),
            }),
            "report.measurements[0].baseline_value");

        await client.CancelTaskAsync(new CancelTaskRequest { Name = task.Name, Reason = "Thay bằng nhiệm vụ khác" });
        await ApiAssert.FailsAsync(
            () => client.ReportProgressAsync(new ReportProgressRequest { Parent = task.Name, Report = Report(scenario, TaskScenario.Police, ProgressReport.Types.Kind.AdHoc, 10, null, []) }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task ReportsAreListedPerAgencyAndPerPeriod()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var first = await scenario.CreateAsync("1", TaskScenario.Police, [TaskScenario.Procuracy]);
        var second = await scenario.CreateAsync("2", TaskScenario.Justice, [TaskScenario.Police]);
        var h1 = new Period { Kind = PeriodKind.HalfYear, Year = 2023, Index = 1 };
        var h2 = new Period { Kind = PeriodKind.HalfYear, Year = 2023, Index = 2 };
        var filed = new List<ProgressReport>();
        foreach (var (task, agency, period) in new[]
        {
            (first, TaskScenario.Police, h1), (first, TaskScenario.Procuracy, h1), (second, TaskScenario.Justice, h1),
            (second, TaskScenario.Police, h2), (first, TaskScenario.Police, h2),
        })
        {
            filed.Add(await scenario.Officer(agency, subject: "can-bo-" + agency).ReportProgressAsync(new ReportProgressRequest
            {
                Parent = task.Name,
                Report = Report(scenario, agency, ProgressReport.Types.Kind.SixMonthly, 40, period, []),
                RequestId = Guid.NewGuid().ToString(),
            }));
        }

        var viewer = scenario.Viewer();
        var province = $"provinces/{scenario.Province}/directives/-/tasks/-";
        var police = await viewer.ListReportsAsync(new ListReportsRequest { Parent = province, Filter = $"agency = \"{scenario.Agency(TaskScenario.Police)}\"" });
        Assert.Equal([filed[4].Name, filed[3].Name, filed[0].Name], police.Reports.Select(r => r.Name));
        Assert.Equal(3, police.TotalSize);

        var firstHalf = await viewer.ListReportsAsync(new ListReportsRequest { Parent = province, Filter = "period.year = 2023 AND period.index = 1 AND kind = SIX_MONTHLY", OrderBy = "submit_time" });
        Assert.Equal([filed[0].Name, filed[1].Name, filed[2].Name], firstHalf.Reports.Select(r => r.Name));
        Assert.Equal(
            [filed[0].Name, filed[1].Name, filed[4].Name],
            (await viewer.ListReportsAsync(new ListReportsRequest { Parent = $"{scenario.Directive}/tasks/-", Filter = $"submitter.subject = \"can-bo-{TaskScenario.Police}\" OR agency = \"{scenario.Agency(TaskScenario.Procuracy)}\"", OrderBy = "submit_time" }))
                .Reports.Select(r => r.Name).Where(n => n.StartsWith(first.Name, StringComparison.Ordinal)));
        Assert.Equal(3, (await viewer.ListReportsAsync(new ListReportsRequest { Parent = first.Name })).TotalSize);

        // By period end, then in pages that follow one another.
        var byPeriod = new List<string>();
        var pageRequest = new ListReportsRequest { Parent = province, OrderBy = "period desc", PageSize = 2 };
        do
        {
            var page = await viewer.ListReportsAsync(pageRequest);
            byPeriod.AddRange(page.Reports.Select(r => r.Name));
            pageRequest.PageToken = page.NextPageToken;
        }
        while (pageRequest.PageToken.Length > 0);
        Assert.Equal(5, byPeriod.Distinct().Count());
        Assert.Equal(new[] { filed[3].Name, filed[4].Name }.Order(StringComparer.Ordinal), byPeriod.Take(2).Order(StringComparer.Ordinal));

        var read = await viewer.GetReportAsync(new GetReportRequest { Name = filed[1].Name });
        Assert.Equal(filed[1], read);
        Assert.Equal(scenario.Agency(TaskScenario.Procuracy), read.Agency);
        Assert.NotEmpty(read.Etag);

        // An officer lists the reports of their agency's tasks only.
        var transport = await scenario.Officer(TaskScenario.Transport).ListReportsAsync(new ListReportsRequest { Parent = province });
        Assert.Empty(transport.Reports);
    }

    [Fact]
    public async Task ARetriedReportIsFiledOnce()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = await scenario.CreateAsync("1");
        var request = new ReportProgressRequest
        {
            Parent = task.Name,
            Report = Report(scenario, TaskScenario.Police, ProgressReport.Types.Kind.AdHoc, 20, null, []),
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await scenario.Officer(TaskScenario.Police).ReportProgressAsync(request);
        var again = await scenario.Officer(TaskScenario.Police).ReportProgressAsync(request);

        Assert.Equal(first, again);
        Assert.Equal(1, (await scenario.Viewer().ListReportsAsync(new ListReportsRequest { Parent = task.Name })).TotalSize);
    }

    private static ProgressReport Report(TaskScenario scenario, string agency, ProgressReport.Types.Kind kind, int percent, Period? period, IEnumerable<Measurement> measurements)
    {
        var report = new ProgressReport
        {
            Kind = kind,
            Agency = scenario.Agency(agency),
            Period = period,
            Text = $"Báo cáo của {agency}: kết quả thực hiện nhiệm vụ.",
            PercentComplete = percent,
        };
        report.Measurements.AddRange(measurements);
        return report;
    }

    private static Target Target(Contracts.V1.Task task, string metricStart)
        => task.Targets.Single(t => t.Metric.StartsWith(metricStart, StringComparison.Ordinal));
}

[Collection(IntegrationCollection.Name)]
public sealed class ProgressReportTestsOnSqlite(SqliteServer server) : ProgressReportTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class ProgressReportTestsOnPostgreSql(PostgreSqlServer server) : ProgressReportTests(server), IClassFixture<PostgreSqlServer>;
