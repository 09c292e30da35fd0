using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using State = Directives.Contracts.V1.Task.Types.State;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>CompleteTask, ReopenTask, CancelTask and ExtendTaskDeadline.</summary>
public abstract class TaskWorkflowTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task ATaskWithOpenSubTasksCannotBeCompleted()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var parent = await scenario.CreateAsync("3");
        var first = await scenario.CreateAsync("3.1");
        var second = await scenario.CreateAsync("3.2");
        var client = scenario.Secretariat();

        await ApiAssert.FailsAsync(() => client.CompleteTaskAsync(new CompleteTaskRequest { Name = parent.Name }), StatusCode.FailedPrecondition, "HAS_DEPENDENTS");
        await client.CompleteTaskAsync(new CompleteTaskRequest { Name = first.Name });
        await client.CancelTaskAsync(new CancelTaskRequest { Name = second.Name, Reason = "Đã gộp vào nhiệm vụ 3.1" });

        var completed = await client.CompleteTaskAsync(new CompleteTaskRequest { Name = parent.Name, Etag = parent.Etag });
        Assert.Equal(State.Completed, completed.State);
        Assert.Equal(100, completed.PercentComplete);
        Assert.NotNull(completed.CompleteTime);
    }

    [Fact]
    public async Task CompleteReopenAndCancelFollowTheWorkflow()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = await scenario.CreateAsync("1");
        var client = scenario.Secretariat();

        var completed = await client.CompleteTaskAsync(new CompleteTaskRequest { Name = task.Name });
        await ApiAssert.FailsAsync(() => client.CompleteTaskAsync(new CompleteTaskRequest { Name = task.Name }), StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");
        await ApiAssert.FailsAsync(() => client.CancelTaskAsync(new CancelTaskRequest { Name = task.Name, Reason = "x" }), StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");

        var reopened = await client.ReopenTaskAsync(new ReopenTaskRequest { Name = task.Name, Etag = completed.Etag });
        Assert.Equal(State.InProgress, reopened.State);
        Assert.Null(reopened.CompleteTime);
        await ApiAssert.FailsAsync(() => client.ReopenTaskAsync(new ReopenTaskRequest { Name = task.Name }), StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");

        await ApiAssert.InvalidAsync(() => client.CancelTaskAsync(new CancelTaskRequest { Name = task.Name, Reason = "  " }), "reason");
        var cancelled = await client.CancelTaskAsync(new CancelTaskRequest { Name = task.Name, Reason = "Không còn phù hợp với tình hình" });
        Assert.Equal(State.Cancelled, cancelled.State);
        Assert.Equal("Không còn phù hợp với tình hình", cancelled.CancelReason);
        Assert.Equal(Contracts.V1.Task.Types.Timeliness.NotApplicable, cancelled.Timeliness);

        var again = await client.ReopenTaskAsync(new ReopenTaskRequest { Name = task.Name });
        Assert.Empty(again.CancelReason);
        Assert.Equal(State.InProgress, again.State);
    }

    [Fact]
    public async Task AnExtensionKeepsTheOriginalDeadlineAndEveryStep()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = await scenario.CreateAsync("1", deadline: Deadlines.On(2024, 6, 30));
        var client = scenario.Secretariat("chuyen-vien");
        var request = new ExtendTaskDeadlineRequest
        {
            Name = task.Name,
            NewDeadline = Deadlines.Quarter(2024, 3),
            Reason = "Chờ kết quả sơ kết 6 tháng",
            ApprovingDecision = "125/UBND-NC",
            ApprovedBy = "Chủ tịch UBND tỉnh",
            ApproveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 6, 20, 2, 0, 0, TimeSpan.Zero)),
            Etag = task.Etag,
            RequestId = Guid.NewGuid().ToString(),
        };

        var extended = await client.ExtendTaskDeadlineAsync(request);
        var retried = await client.ExtendTaskDeadlineAsync(request);
        var twice = await client.ExtendTaskDeadlineAsync(new ExtendTaskDeadlineRequest
        {
            Name = task.Name,
            NewDeadline = Deadlines.On(2024, 12, 31),
            Reason = "Bổ sung nhiệm vụ",
            ApprovingDecision = "210/UBND-NC",
            ApprovedBy = "Phó Chủ tịch UBND tỉnh",
        });

        Assert.Equal(extended, retried);
        Assert.Equal(Deadlines.On(2024, 6, 30), twice.OriginalDeadline);
        Assert.Equal(Deadlines.On(2024, 12, 31), twice.Deadline);
        Assert.Equal(2, twice.Extensions.Count);
        var first = twice.Extensions[0];
        Assert.Equal(Deadlines.On(2024, 6, 30), first.PreviousDeadline);
        Assert.Equal(Deadlines.Quarter(2024, 3), first.NewDeadline);
        Assert.Equal("Chờ kết quả sơ kết 6 tháng", first.Reason);
        Assert.Equal("125/UBND-NC", first.ApprovingDecision);
        Assert.Equal("Chủ tịch UBND tỉnh", first.ApprovedBy);
        Assert.Equal(request.ApproveTime, first.ApproveTime);
        Assert.Equal("chuyen-vien", first.Recorder.Subject);
        Assert.NotNull(first.RecordTime);
        Assert.Equal(Deadlines.Quarter(2024, 3), twice.Extensions[1].PreviousDeadline);
        Assert.Equal("chuyen-vien", twice.Extensions[1].Recorder.Subject);

        var read = await scenario.Viewer().GetTaskAsync(new GetTaskRequest { Name = task.Name });
        Assert.Equal(twice.WithoutTime(), read.WithoutTime());
        Assert.Equal(
            [TaskMethodNames.ExtendTaskDeadline, TaskMethodNames.ExtendTaskDeadline, TaskMethodNames.CreateTask],
            (await scenario.Viewer().ListTaskHistoryAsync(new ListTaskHistoryRequest { Name = task.Name })).Entries.Select(e => e.Method));
    }

    [Fact]
    public async Task AnExtensionMustEndLaterAndAStandingTaskHasNone()
    {
        var scenario = await TaskScenario.CreateAsync(server);
        var task = await scenario.CreateAsync("1", deadline: Deadlines.On(2024, 6, 30));
        var standing = await scenario.CreateAsync("2", deadline: Deadlines.Standing());
        var client = scenario.Secretariat();

        await ApiAssert.InvalidAsync(
            () => client.ExtendTaskDeadlineAsync(new ExtendTaskDeadlineRequest { Name = task.Name, NewDeadline = Deadlines.Quarter(2024, 2), Reason = "x", ApprovingDecision = "1/UBND-NC", ApprovedBy = "Chủ tịch" }),
            "new_deadline");
        await ApiAssert.InvalidAsync(
            () => client.ExtendTaskDeadlineAsync(new ExtendTaskDeadlineRequest { Name = task.Name, NewDeadline = Deadlines.Year(2024), Reason = "", ApprovingDecision = "", ApprovedBy = "" }),
            "reason",
            "approving_decision",
            "approved_by");
        await ApiAssert.FailsAsync(
            () => client.ExtendTaskDeadlineAsync(new ExtendTaskDeadlineRequest { Name = standing.Name, NewDeadline = Deadlines.Year(2025), Reason = "x", ApprovingDecision = "1/UBND-NC", ApprovedBy = "Chủ tịch" }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");

        // Once extended, the original deadline changes only through another extension.
        var extended = await client.ExtendTaskDeadlineAsync(new ExtendTaskDeadlineRequest
        {
            Name = task.Name,
            NewDeadline = Deadlines.Year(2024),
            Reason = "x",
            ApprovingDecision = "1/UBND-NC",
            ApprovedBy = "Chủ tịch",
        });
        await ApiAssert.FailsAsync(
            () => client.UpdateTaskAsync(new UpdateTaskRequest
            {
                Task = new Contracts.V1.Task { Name = task.Name, OriginalDeadline = Deadlines.On(2024, 7, 31) },
                UpdateMask = new FieldMask { Paths = { "original_deadline" } },
            }),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        var retitled = await client.UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new Contracts.V1.Task { Name = task.Name, Title = "Tiêu đề mới", Etag = extended.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });
        Assert.Equal(Deadlines.Year(2024), retitled.Deadline);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class TaskWorkflowTestsOnSqlite(SqliteServer server) : TaskWorkflowTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class TaskWorkflowTestsOnPostgreSql(PostgreSqlServer server) : TaskWorkflowTests(server), IClassFixture<PostgreSqlServer>;
