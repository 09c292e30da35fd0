using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.StatusProto;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// An agency officer sees only the tasks their agency leads or cooperates on (issue 5): List leaves the
/// others out, Get and every action on one is PERMISSION_DENIED (AGENCY_NOT_ASSIGNED); they complete
/// only what their agency leads and report only for their own agency.
/// </summary>
public abstract class TaskVisibilityTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task AnOfficerSeesTheTasksOfTheirAgencyOnly()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var led = await scenario.CreateAsync("1", TaskScenario.Police);
        var supported = await scenario.CreateAsync("2", TaskScenario.Justice, [TaskScenario.Police]);
        var foreign = await scenario.CreateAsync("3", TaskScenario.Transport, [TaskScenario.Justice]);
        var police = scenario.Officer(TaskScenario.Police);

        var listed = await police.ListTasksAsync(new ListTasksRequest { Parent = scenario.AllDirectives });
        Assert.Equal([led.Name, supported.Name], listed.Tasks.Select(t => t.Name));
        Assert.Equal(2, listed.TotalSize);
        Assert.Equal([led.Name], (await police.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, Filter = "state = NOT_STARTED AND number = \"1\"" })).Tasks.Select(t => t.Name));
        Assert.Equal([foreign.Name], (await scenario.Officer(TaskScenario.Transport).ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks.Select(t => t.Name));

        Assert.Equal(supported.Name, (await police.GetTaskAsync(new GetTaskRequest { Name = supported.Name })).Name);
        var denied = await ApiAssert.FailsAsync(() => police.GetTaskAsync(new GetTaskRequest { Name = foreign.Name }), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
        Assert.Equal(scenario.Agency(TaskScenario.Police), denied.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["agency"]);
        await ApiAssert.FailsAsync(() => police.ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = foreign.Name }), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
        await ApiAssert.FailsAsync(() => police.ListReportsAsync(new ListReportsRequest { Parent = foreign.Name }), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
    }

    [Fact]
    public async Task AnOfficerCompletesWhatTheirAgencyLeadsAndReportsForItOnly()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var led = await scenario.CreateAsync("1", TaskScenario.Police);
        var supported = await scenario.CreateAsync("2", TaskScenario.Justice, [TaskScenario.Police]);
        var foreign = await scenario.CreateAsync("3", TaskScenario.Transport);
        var police = scenario.Officer(TaskScenario.Police);

        await ApiAssert.FailsAsync(() => police.CompleteTaskAsync(new CompleteTaskRequest { Name = supported.Name }), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
        await ApiAssert.FailsAsync(() => police.CompleteTaskAsync(new CompleteTaskRequest { Name = foreign.Name }), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
        Assert.Equal(Contracts.V1.Task.Types.State.Completed, (await police.CompleteTaskAsync(new CompleteTaskRequest { Name = led.Name })).State);

        var report = await police.ReportProgressAsync(new ReportProgressRequest
        {
            Parent = supported.Name,
            Report = new ProgressReport { Kind = ProgressReport.Types.Kind.AdHoc, Agency = scenario.Agency(TaskScenario.Police), Text = "Đã phối hợp tuần tra.", PercentComplete = 30 },
        });
        Assert.Equal("can-bo", report.Submitter.Subject);
        Assert.Equal("Nguyễn Văn Cán Bộ", report.Submitter.DisplayName);

        await ApiAssert.FailsAsync(
            () => police.ReportProgressAsync(new ReportProgressRequest
            {
                Parent = supported.Name,
                Report = new ProgressReport { Kind = ProgressReport.Types.Kind.AdHoc, Agency = scenario.Agency(TaskScenario.Justice), Text = "Thay Sở Tư pháp.", PercentComplete = 50 },
            }),
            StatusCode.PermissionDenied,
            "AGENCY_NOT_ASSIGNED");

        // Officers change nothing else.
        await ApiAssert.FailsAsync(() => police.CancelTaskAsync(new CancelTaskRequest { Name = led.Name, Reason = "x" }), StatusCode.PermissionDenied, "ROLE_REQUIRED");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskVisibilityTestsOnSqlite(SqliteServer server) : TaskVisibilityTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskVisibilityTestsOnPostgreSql(PostgreSqlServer server) : TaskVisibilityTests(server), IClassFixture<PostgreSqlServer>;
