using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>
/// Bad input, concurrent writers and retries: every violation in one INVALID_ARGUMENT, agencies checked
/// against the province's catalogue, stale etags ABORTED, and a retried request_id answered with the
/// first result.
/// </summary>
public abstract class TaskValidationTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task EveryViolationIsReportedAtOnce()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = scenario.NewTask("3.x", lead: "khong-co");
        task.Title = "";
        task.CooperatingAgencies.Add(scenario.Agency(TaskScenario.Justice));
        task.CooperatingAgencies.Add(scenario.Agency("so-da-giai-the"));
        task.OriginalDeadline = new Deadline { Date = new Date { Year = 2024, Month = 2, Day = 30 } };
        task.Targets.Add(new Target { Metric = "Tỷ lệ khám phá án", Value = double.NaN, Unit = "%" });

        var badRequest = await ApiAssert.InvalidAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = task, TaskId = "Sai" }),
            "task_id",
            "task.number",
            "task.title",
            "task.lead_agency",
            "task.cooperating_agencies[1]",
            "task.original_deadline.date",
            "task.targets[0].value",
            "task.targets[0].comparator",
            "task.targets[0].kind");
        Assert.DoesNotContain(badRequest.FieldViolations, v => v.Field == "task.cooperating_agencies[0]");
        Assert.Empty((await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks);
    }

    [Fact]
    public async Task AnUnknownAgencyIsAnUnknownReference()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        var status = await ApiAssert.FailsAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("1", lead: "so-khong-ton-tai") }),
            StatusCode.InvalidArgument,
            "UNKNOWN_REFERENCE");
        Assert.Equal("task.lead_agency", status.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task AnAgencyCannotLeadAndCooperate()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        var status = await ApiAssert.FailsAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest
            {
                Parent = scenario.Directive,
                Task = scenario.NewTask("1", lead: TaskScenario.Police, cooperating: [TaskScenario.Justice, TaskScenario.Police]),
            }),
            StatusCode.InvalidArgument,
            "LEAD_AGENCY_ALSO_COOPERATING");
        Assert.Equal("task.cooperating_agencies[1]", status.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task AStaleEtagIsAborted()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var created = await scenario.CreateAsync("1");
        var first = scenario.Secretariat("thu-ky-1");
        var second = scenario.Secretariat("thu-ky-2");

        await first.UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new Contracts.V1.Task { Name = created.Name, Title = "Bản của người thứ nhất", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });
        var status = await ApiAssert.FailsAsync(
            () => second.UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new Contracts.V1.Task { Name = created.Name, Title = "Bản của người thứ hai", Etag = created.Etag },
                UpdateMask = new FieldMask { Paths = { "title" } },
            }),
            StatusCode.Aborted,
            "ETAG_MISMATCH");

        Assert.Equal(created.Name, status.GetDetail<ErrorInfo>()!.Metadata["resource"]);
        Assert.Equal("Bản của người thứ nhất", (await first.GetTaskAsync(new GetTaskRequest { Name = created.Name })).Title);
        await ApiAssert.FailsAsync(() => second.CompleteTaskAsync(new CompleteTaskRequest { Name = created.Name, Etag = created.Etag }), StatusCode.Aborted, "ETAG_MISMATCH");
    }

    [Fact]
    public async Task OfTwoConcurrentWritersWithTheSameEtagOneWins()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var created = await scenario.CreateAsync("1");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            try
            {
                await scenario.Secretariat($"thu-ky-{i}").UpdateTaskAsync(new UpdateTaskRequest
                {
                    Task = new Contracts.V1.Task { Name = created.Name, Title = $"Bản {i}", Etag = created.Etag },
                    UpdateMask = new FieldMask { Paths = { "title" } },
                });
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.Aborted, o));
        var history = await scenario.Viewer().ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = created.Name });
        Assert.Equal(2, history.Entries.Count);
    }

    [Fact]
    public async Task ARetriedCreateReturnsTheFirstResult()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var request = new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("1"), RequestId = Guid.NewGuid().ToString() };

        var first = await scenario.Secretariat().CreateTaskAsync(request);
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => scenario.Secretariat().CreateTaskAsync(request).ResponseAsync));

        Assert.All(retries, retry => Assert.Equal(first, retry));
        Assert.Single((await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks);

        var other = request.Clone();
        other.Task.Number = "2";
        await ApiAssert.FailsAsync(() => scenario.Secretariat().CreateTaskAsync(other), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
        await ApiAssert.InvalidAsync(() => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest
        {
            Parent = scenario.Directive,
            Task = scenario.NewTask("3"),
            RequestId = "not-a-uuid",
        }), "request_id");
    }

    [Fact]
    public async Task ConcurrentFirstCallsWithOneRequestIdCreateOneTask()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var request = new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("1"), RequestId = Guid.NewGuid().ToString() };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.Secretariat().CreateTaskAsync(request).ResponseAsync));

        Assert.Single(results.Select(r => r.Name).Distinct());
        Assert.Single((await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks);
    }

    [Fact]
    public async Task OnlyTheSecretariatWritesTasks()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        await ApiAssert.FailsAsync(
            () => scenario.Viewer().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("1") }),
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskValidationTestsOnSqlite(SqliteServer server) : TaskValidationTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskValidationTestsOnPostgreSql(PostgreSqlServer server) : TaskValidationTests(server), IClassFixture<PostgreSqlServer>;
