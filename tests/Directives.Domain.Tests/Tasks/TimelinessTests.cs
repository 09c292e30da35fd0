using Directives.Domain.Tasks;
using Directives.Domain.Time;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class TimelinessTests
{
    [Fact]
    public void OpenTask_IsInTimeUntil2359_59VietnamAndOverdueFrom17hUtc()
    {
        var task = DueOn(2024, 6, 30);
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(Utc(2024, 6, 30, 16, 59, 59)));
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(Utc(2024, 6, 30, 17).AddTicks(-1)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2024, 6, 30, 17)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2025, 1, 1)));
    }

    [Fact]
    public void OpenTask_WithAnOffsetClockJudgesTheSameInstant()
    {
        var task = DueOn(2024, 6, 30);
        var vietnam = TimeSpan.FromHours(7);
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(new DateTimeOffset(2024, 6, 30, 23, 59, 59, vietnam)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(new DateTimeOffset(2024, 7, 1, 0, 0, 0, vietnam)));
    }

    [Fact]
    public void InProgressTask_CountsLikeANotStartedOne()
    {
        var task = DueOn(2024, 6, 30);
        task.Start();
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(Utc(2024, 6, 30, 16, 59, 59)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2024, 6, 30, 17)));
    }

    [Fact]
    public void CompletedTask_IsOnTimeWhenDoneBy2359_59Vietnam()
    {
        var task = DueOn(2024, 6, 30);
        task.Complete(Utc(2024, 6, 30, 16, 59, 59));
        Assert.Equal(Timeliness.OnTime, task.TimelinessAt(Utc(2030, 1, 1)));
    }

    [Fact]
    public void CompletedTask_IsLateWhenDoneFrom17hUtc()
    {
        var task = DueOn(2024, 6, 30);
        task.Complete(Utc(2024, 6, 30, 17));
        Assert.Equal(Timeliness.CompletedLate, task.TimelinessAt(Utc(2024, 6, 30, 17)));
        Assert.Equal(Timeliness.CompletedLate, task.TimelinessAt(Utc(2024, 1, 1)));
    }

    [Fact]
    public void StandingAndCancelledTasks_HaveNoTimeliness()
    {
        var standing = Task(Deadline.Standing);
        Assert.Equal(Timeliness.NotApplicable, standing.TimelinessAt(Utc(2099, 1, 1)));
        standing.Complete(Utc(2024, 1, 1));
        Assert.Equal(Timeliness.NotApplicable, standing.TimelinessAt(Utc(2099, 1, 1)));

        var cancelled = DueOn(2024, 6, 30);
        cancelled.Cancel("Không còn phù hợp");
        Assert.Equal(Timeliness.NotApplicable, cancelled.TimelinessAt(Utc(2025, 1, 1)));
    }

    [Theory]
    [InlineData("Quý III/2024", 2024, 9, 30)]
    [InlineData("Quý I/2024", 2024, 3, 31)]
    [InlineData("6 tháng đầu năm 2024", 2024, 6, 30)]
    [InlineData("6 tháng cuối năm 2024", 2024, 12, 31)]
    [InlineData("trong năm 2025", 2025, 12, 31)]
    public void PeriodDeadlines_EndOnTheirLastDay(string deadline, int year, int month, int day)
    {
        var task = Task(Deadline.Parse(deadline));
        var lastDay = new DateTimeOffset(year, month, day, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(lastDay.AddSeconds(-1)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(lastDay));
    }

    [Fact]
    public void LeapDayDeadline_EndsOnTheLeapDay()
    {
        var task = Task(Deadline.Parse("Quý I/2024"));
        Assert.Equal(new DateOnly(2024, 3, 31), task.Deadline.LastDay);
        var febTask = DueOn(2024, 2, 29);
        Assert.Equal(Timeliness.InTime, febTask.TimelinessAt(Utc(2024, 2, 29, 16, 59, 59)));
        Assert.Equal(Timeliness.Overdue, febTask.TimelinessAt(Utc(2024, 2, 29, 17)));
    }

    [Fact]
    public void Reopening_MakesALateCompletionOverdueAgain()
    {
        var task = DueOn(2024, 6, 30);
        task.Complete(Utc(2024, 7, 2));
        Assert.Equal(Timeliness.CompletedLate, task.TimelinessAt(Utc(2024, 7, 3)));
        task.Reopen();
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2024, 7, 3)));
    }

    [Fact]
    public void Timeliness_FollowsTheExtendedDeadline()
    {
        var task = DueOn(2024, 6, 30);
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2024, 7, 15)));

        task.ExtendDeadline(Extension(Deadline.InPeriod(Period.OfQuarter(2024, 3)), Utc(2024, 7, 10)));
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(Utc(2024, 7, 15)));
        Assert.Equal(Timeliness.InTime, task.TimelinessAt(Utc(2024, 9, 30, 16, 59, 59)));
        Assert.Equal(Timeliness.Overdue, task.TimelinessAt(Utc(2024, 9, 30, 17)));

        task.Complete(Utc(2024, 9, 1));
        Assert.Equal(Timeliness.OnTime, task.TimelinessAt(Utc(2024, 12, 1)));
    }
}
