using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.StatusProto;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>TaskService's standard methods through the real transport: nested numbering, get, update, soft delete and undelete.</summary>
public abstract class TaskCrudTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task NestedTasksAreListedNumericallyLevelByLevel()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var three = await scenario.CreateAsync("3", taskId: "3");
        foreach (var number in new[] { "3.10", "3.2", "4", "3.1.", "1" })
        {
            await scenario.CreateAsync(number);
        }

        var listed = await scenario.Viewer().ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive });

        Assert.Equal(["1", "3", "3.1", "3.2", "3.10", "4"], listed.Tasks.Select(t => t.Number));
        Assert.Equal(6, listed.TotalSize);
        Assert.Empty(listed.NextPageToken);
        Assert.Equal($"{scenario.Directive}/tasks/3", three.Name);
        Assert.Equal(three.Name, listed.Tasks.Single(t => t.Number == "3.1").ParentTask);
        Assert.Equal(three.Name, listed.Tasks.Single(t => t.Number == "3.10").ParentTask);
        Assert.Empty(three.ParentTask);
    }

    [Fact]
    public async Task CreateThenGetReturnsTheTaskAsEntered()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var request = scenario.NewTask("2", TaskScenario.Justice, [TaskScenario.Police, TaskScenario.Transport], Deadlines.Quarter(2024, 3), "Tuyên truyền, phổ biến, giáo dục pháp luật");

        var created = await scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = request, TaskId = "2" });

        Assert.Equal($"{scenario.Directive}/tasks/2", created.Name);
        Assert.Equal(request.Title, created.Title);
        Assert.Equal(request.Content, created.Content);
        Assert.Equal(scenario.Agency(TaskScenario.Justice), created.LeadAgency);
        Assert.Equal([scenario.Agency(TaskScenario.Police), scenario.Agency(TaskScenario.Transport)], created.CooperatingAgencies);
        Assert.Equal(request.OriginalDeadline, created.OriginalDeadline);
        Assert.Equal(request.OriginalDeadline, created.Deadline);

        // Quý III/2024 ends on 30 September at 23:59:59 in Vietnam, 16:59:59 UTC.
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 16, 59, 59, TimeSpan.Zero), created.DeadlineTime.ToDateTimeOffset().AddTicks(-9_999_999));
        Assert.Equal(Contracts.V1.Task.Types.State.NotStarted, created.State);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created.Etag, created.RevisionId);
        Assert.NotNull(created.CreateTime);
        Assert.Null(created.DeleteTime);

        var read = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = created.Name });
        Assert.Equal(created.Etag, read.Etag);
        Assert.Equal(created.WithoutTime(), read.WithoutTime());
    }

    [Fact]
    public async Task CreateWithoutAnIdAssignsOne()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        var created = await scenario.CreateAsync("1");

        Assert.Matches($"^{scenario.Directive}/tasks/[a-z2-7]{{26}}$", created.Name);
    }

    [Fact]
    public async Task ASubTaskNeedsItsParent()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        var badRequest = await ApiAssert.InvalidAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("5.1") }),
            "task.number");
        Assert.Contains("5", badRequest.FieldViolations.Single().Description);
    }

    [Fact]
    public async Task TheSameNumberTwiceIsADuplicate()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var first = await scenario.CreateAsync("7");

        var status = await ApiAssert.FailsAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("7.") }),
            StatusCode.AlreadyExists,
            "DUPLICATE_NUMBER");
        Assert.Equal(first.Name, status.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceName);
    }

    [Fact]
    public async Task ATakenIdAlreadyExists()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        await scenario.CreateAsync("1", taskId: "nv-1");

        await ApiAssert.FailsAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = scenario.Directive, Task = scenario.NewTask("2"), TaskId = "nv-1" }),
            StatusCode.AlreadyExists,
            "RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task UpdateChangesTheMaskedFieldsOnly()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var created = await scenario.CreateAsync("1", cooperating: [TaskScenario.Justice]);

        var updated = await scenario.Secretariat().UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new Contracts.V1.Task { Name = created.Name, Title = "Tiêu đề mới", Content = "không đổi", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title", "cooperating_agencies" } },
        });

        Assert.Equal("Tiêu đề mới", updated.Title);
        Assert.Equal(created.Content, updated.Content);
        Assert.Empty(updated.CooperatingAgencies);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() >= created.UpdateTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task UpdateRefusesOutputOnlyAndUnknownPaths()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var created = await scenario.CreateAsync("1");

        await ApiAssert.InvalidAsync(
            () => scenario.Secretariat().UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new Contracts.V1.Task { Name = created.Name, Title = "x" },
                UpdateMask = new FieldMask { Paths = { "title", "no_such_field" } },
            }),
            "update_mask");
    }

    [Fact]
    public async Task UpdateWithAllowMissingCreatesTheTaskUnderItsName()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = scenario.NewTask("8");
        task.Name = $"{scenario.Directive}/tasks/nv-8";

        var created = await scenario.Secretariat().UpdateTaskAsync(new UpdateTaskRequest { Task = task, AllowMissing = true });

        Assert.Equal(task.Name, created.Name);
        Assert.Equal("8", created.Number);
        var history = await scenario.Viewer().ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = created.Name });
        Assert.Equal([TaskMethodNames.UpdateTask], history.Entries.Select(e => e.Method));
        Assert.Null(history.Entries[0].Before);
        await ApiAssert.FailsAsync(
            () => scenario.Secretariat().UpdateTaskAsync(new UpdateTaskRequest { Task = new Contracts.V1.Task { Name = $"{scenario.Directive}/tasks/none", Title = "x" } }),
            StatusCode.NotFound,
            "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task RenumberingATaskWithSubTasksHasDependents()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var parent = await scenario.CreateAsync("3");
        await scenario.CreateAsync("3.1");

        await ApiAssert.FailsAsync(
            () => scenario.Secretariat().UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new Contracts.V1.Task { Name = parent.Name, Number = "9" },
                UpdateMask = new FieldMask { Paths = { "number" } },
            }),
            StatusCode.FailedPrecondition,
            "HAS_DEPENDENTS");
    }

    [Fact]
    public async Task DeletingATaskWithSubTasksNeedsForceAndUndeleteRestoresThemTogether()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var parent = await scenario.CreateAsync("3");
        var child = await scenario.CreateAsync("3.1");
        var grandchild = await scenario.CreateAsync("3.1.1");
        var other = await scenario.CreateAsync("4");
        var client = scenario.Secretariat();

        await ApiAssert.FailsAsync(() => client.DeleteTaskAsync(new DeleteTaskRequest { Name = parent.Name }), StatusCode.FailedPrecondition, "HAS_DEPENDENTS");

        var deleted = await client.DeleteTaskAsync(new DeleteTaskRequest { Name = parent.Name, Force = true, Etag = parent.Etag });
        Assert.NotNull(deleted.DeleteTime);
        Assert.NotNull(deleted.PurgeTime);
        Assert.Equal(30, (deleted.PurgeTime.ToDateTimeOffset() - deleted.DeleteTime.ToDateTimeOffset()).TotalDays, 3);
        Assert.NotNull((await client.GetTaskAsync(new GetTaskRequest { Name = grandchild.Name })).DeleteTime);
        Assert.Equal([other.Name], (await client.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks.Select(t => t.Name));
        Assert.Equal(4, (await client.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive, ShowDeleted = true })).TotalSize);

        // A deleted task takes no changes, and its number is free again.
        await ApiAssert.FailsAsync(() => client.CompleteTaskAsync(new CompleteTaskRequest { Name = child.Name }), StatusCode.FailedPrecondition, "RESOURCE_DELETED");

        var restored = await client.UndeleteTaskAsync(new UndeleteTaskRequest { Name = parent.Name, Etag = deleted.Etag });
        Assert.Null(restored.DeleteTime);
        Assert.Equal(
            [parent.Name, child.Name, grandchild.Name, other.Name],
            (await client.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks.Select(t => t.Name));
    }

    [Fact]
    public async Task UndeleteNeedsTheParentTask()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var parent = await scenario.CreateAsync("3");
        var child = await scenario.CreateAsync("3.1");
        var client = scenario.Secretariat();
        await client.DeleteTaskAsync(new DeleteTaskRequest { Name = child.Name });
        await client.DeleteTaskAsync(new DeleteTaskRequest { Name = parent.Name });

        await ApiAssert.FailsAsync(() => client.UndeleteTaskAsync(new UndeleteTaskRequest { Name = child.Name }), StatusCode.FailedPrecondition, "PARENT_DELETED");
        var restoredParent = await client.UndeleteTaskAsync(new UndeleteTaskRequest { Name = parent.Name });
        await ApiAssert.FailsAsync(
            () => client.UndeleteTaskAsync(new UndeleteTaskRequest { Name = restoredParent.Name }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        Assert.Null((await client.UndeleteTaskAsync(new UndeleteTaskRequest { Name = child.Name })).DeleteTime);
    }

    [Fact]
    public async Task ValidateOnlyWritesNothing()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var client = scenario.Secretariat();

        var checkedTask = await client.CreateTaskAsync(new CreateTaskRequest
        {
            Parent = scenario.Directive,
            Task = scenario.NewTask("1"),
            TaskId = "nv-1",
            ValidateOnly = true,
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal($"{scenario.Directive}/tasks/nv-1", checkedTask.Name);
        await ApiAssert.FailsAsync(() => client.GetTaskAsync(new GetTaskRequest { Name = checkedTask.Name }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Empty((await client.ListTasksAsync(new ListTasksRequest { Parent = scenario.Directive })).Tasks);

        var created = await scenario.CreateAsync("1", taskId: "nv-1");
        await client.CompleteTaskAsync(new CompleteTaskRequest { Name = created.Name, ValidateOnly = true });
        await client.DeleteTaskAsync(new DeleteTaskRequest { Name = created.Name, ValidateOnly = true });
        var unchanged = await client.GetTaskAsync(new GetTaskRequest { Name = created.Name });
        Assert.Equal(created.Etag, unchanged.Etag);
        Assert.Null(unchanged.DeleteTime);
        Assert.Single((await client.ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = created.Name })).Entries);
    }

    [Fact]
    public async Task AMissingTaskIsNotFoundAndAMalformedNameInvalid()
    {
        var scenario = await TaskScenario.CreateAsync(server);

        await ApiAssert.FailsAsync(
            () => scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = $"{scenario.Directive}/tasks/none" }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await ApiAssert.InvalidAsync(() => scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = $"{scenario.Directive}/tasks/Không_Hợp_Lệ" }), "name");
        await ApiAssert.FailsAsync(
            () => scenario.Secretariat().CreateTaskAsync(new CreateTaskRequest { Parent = $"provinces/{scenario.Province}/directives/none", Task = scenario.NewTask("1") }),
            StatusCode.NotFound,
            "RESOURCE_NOT_FOUND");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskCrudTestsOnSqlite(SqliteServer server) : TaskCrudTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskCrudTestsOnPostgreSql(PostgreSqlServer server) : TaskCrudTests(server), IClassFixture<PostgreSqlServer>;
