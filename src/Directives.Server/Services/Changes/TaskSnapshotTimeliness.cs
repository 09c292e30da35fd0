using Directives.Domain.Time;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Changes;

/// <summary>
/// A task snapshot's fields computed at read time (<c>timeliness</c>, <c>days_late</c>), computed again
/// at delivery from the snapshot's own state and deadline, as TaskService computes them: cancelled or
/// without a deadline is not applicable; completed by the deadline's end is on time, after it late; open
/// after it is overdue, else in time.
/// </summary>
internal static class TaskSnapshotTimeliness
{
    public static void Refresh(TaskResource task, DateTimeOffset now)
    {
        task.DaysLate = 0;
        if (task.State == TaskResource.Types.State.Cancelled || task.DeadlineTime is null)
        {
            task.Timeliness = TaskResource.Types.Timeliness.NotApplicable;
            return;
        }

        var due = task.DeadlineTime.ToDateTimeOffset();
        var lastDay = VietnamTime.DateOf(due);
        if (task.State == TaskResource.Types.State.Completed && task.CompleteTime is { } completed)
        {
            var at = completed.ToDateTimeOffset();
            var late = at > due;
            task.Timeliness = late ? TaskResource.Types.Timeliness.CompletedLate : TaskResource.Types.Timeliness.OnTime;
            task.DaysLate = late ? Math.Max(0, VietnamTime.DateOf(at).DayNumber - lastDay.DayNumber) : 0;
            return;
        }

        var overdue = now > due;
        task.Timeliness = overdue ? TaskResource.Types.Timeliness.Overdue : TaskResource.Types.Timeliness.InTime;
        task.DaysLate = overdue ? Math.Max(0, VietnamTime.DateOf(now).DayNumber - lastDay.DayNumber) : 0;
    }
}
