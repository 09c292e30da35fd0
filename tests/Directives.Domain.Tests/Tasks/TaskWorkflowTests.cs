using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class TaskWorkflowTests
{
    private static readonly DateTimeOffset Done = Utc(2023, 11, 30, 3);

    [Fact]
    public void Start_MovesNotStartedToInProgress()
    {
        var task = Task();
        task.Start();
        Assert.Equal(TaskState.InProgress, task.State);
        Assert.True(task.IsOpen);
    }

    [Fact]
    public void Complete_FromEitherOpenStateRecordsTheInstantInUtc()
    {
        var fresh = Task();
        fresh.Complete(new DateTimeOffset(2023, 11, 30, 10, 0, 0, TimeSpan.FromHours(7)));
        Assert.Equal(TaskState.Completed, fresh.State);
        Assert.Equal(Done, fresh.CompletedAt);
        Assert.Equal(TimeSpan.Zero, fresh.CompletedAt!.Value.Offset);
        Assert.False(fresh.IsOpen);

        var started = Task();
        started.Start();
        started.Complete(Done);
        Assert.Equal(TaskState.Completed, started.State);
    }

    [Fact]
    public void Cancel_FromEitherOpenStateKeepsTheReason()
    {
        var task = Task();
        task.Start();
        task.Cancel("  Nội dung đã được thay thế bởi Chỉ thị mới  ");
        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.Equal("Nội dung đã được thay thế bởi Chỉ thị mới", task.CancellationReason);
    }

    [Fact]
    public void Cancel_NeedsAReason()
    {
        var task = Task();
        Assert.Equal(["reason"], Violations.Of(() => task.Cancel(" ")));
        Assert.Equal(TaskState.NotStarted, task.State);
    }

    [Fact]
    public void Reopen_TakesACompletedTaskBackToWork()
    {
        var task = Task();
        task.Complete(Done);
        task.Reopen();
        Assert.Equal(TaskState.InProgress, task.State);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void Reopen_TakesACancelledTaskBackToWork()
    {
        var task = Task();
        task.Cancel("Tạm dừng");
        task.Reopen();
        Assert.Equal(TaskState.InProgress, task.State);
        Assert.Null(task.CancellationReason);
    }

    public static TheoryData<string, string, string> IllegalTransitions => new()
    {
        // From, action, expected reason.
        { "InProgress", "Start", ErrorReasons.InvalidStateTransition },
        { "Completed", "Start", ErrorReasons.InvalidStateTransition },
        { "Cancelled", "Start", ErrorReasons.InvalidStateTransition },
        { "Completed", "Complete", ErrorReasons.InvalidStateTransition },
        { "Cancelled", "Complete", ErrorReasons.InvalidStateTransition },
        { "NotStarted", "Reopen", ErrorReasons.InvalidStateTransition },
        { "InProgress", "Reopen", ErrorReasons.InvalidStateTransition },
        { "Completed", "Cancel", ErrorReasons.InvalidStateTransition },
        { "Cancelled", "Cancel", ErrorReasons.InvalidStateTransition },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void IllegalTransitions_AreRejectedAndChangeNothing(string from, string action, string reason)
    {
        var task = InState(Enum.Parse<TaskState>(from));
        var completedAt = task.CompletedAt;

        var error = Violations.Rule(() => Act(task, action));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(Enum.Parse<TaskState>(from), task.State);
        Assert.Equal(completedAt, task.CompletedAt);
    }

    internal static DirectiveTask InState(TaskState state)
    {
        var task = Task();
        switch (state)
        {
            case TaskState.InProgress:
                task.Start();
                break;
            case TaskState.Completed:
                task.Complete(Done);
                break;
            case TaskState.Cancelled:
                task.Cancel("Không còn phù hợp");
                break;
        }

        Assert.Equal(state, task.State);
        return task;
    }

    private static void Act(DirectiveTask task, string action)
    {
        switch (action)
        {
            case "Start":
                task.Start();
                break;
            case "Complete":
                task.Complete(Done);
                break;
            case "Reopen":
                task.Reopen();
                break;
            case "Cancel":
                task.Cancel("Không còn phù hợp");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
