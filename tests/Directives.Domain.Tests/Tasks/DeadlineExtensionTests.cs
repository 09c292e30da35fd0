using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Domain.Validation;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class DeadlineExtensionTests
{
    [Fact]
    public void Extend_KeepsTheOriginalAndRecordsTheApproval()
    {
        var task = DueOn(2023, 12, 31);
        var extension = task.ExtendDeadline(Extension(Deadline.Parse("Quý I/2024"), new DateTimeOffset(2023, 12, 20, 9, 0, 0, TimeSpan.FromHours(7))));

        Assert.Equal(Deadline.OnDate(new DateOnly(2023, 12, 31)), task.OriginalDeadline);
        Assert.Equal(Deadline.Parse("Quý I/2024"), task.Deadline);
        Assert.Equal(Utc(2024, 3, 31, 17).AddTicks(-1), task.DueAt);
        Assert.Same(extension, Assert.Single(task.Extensions));
        Assert.Equal(1, extension.Sequence);
        Assert.Equal(Deadline.OnDate(new DateOnly(2023, 12, 31)), extension.PreviousDeadline);
        Assert.Equal(Deadline.Parse("Quý I/2024"), extension.NewDeadline);
        Assert.Equal("Chờ kết quả tổng kết của các huyện", extension.Reason);
        Assert.Equal("125/UBND-NC", extension.ApprovingDecision.Text);
        Assert.Equal(Utc(2023, 12, 20, 2), extension.ApprovedAt);
        Assert.Equal("Chủ tịch UBND tỉnh", extension.ApprovedBy);
    }

    [Fact]
    public void Extend_Twice_ChainsFromTheDeadlineInForce()
    {
        var task = DueOn(2023, 12, 31);
        task.ExtendDeadline(Extension(Deadline.Parse("Quý I/2024")));
        var second = task.ExtendDeadline(Extension(Deadline.Parse("6 tháng đầu năm 2024")));

        Assert.Equal(2, second.Sequence);
        Assert.Equal(Deadline.Parse("Quý I/2024"), second.PreviousDeadline);
        Assert.Equal(Deadline.Parse("6 tháng đầu năm 2024"), task.Deadline);
        Assert.Equal(Deadline.OnDate(new DateOnly(2023, 12, 31)), task.OriginalDeadline);
        Assert.Equal(2, task.Extensions.Count);
    }

    [Theory]
    [InlineData("31/12/2023")]
    [InlineData("30/12/2023")]
    [InlineData("6 tháng cuối năm 2023")]
    [InlineData("năm 2023")]
    public void Extend_MustEndLaterThanTheDeadlineInForce(string newDeadline)
    {
        var task = DueOn(2023, 12, 31);
        Assert.Equal(["new_deadline"], Violations.Of(() => task.ExtendDeadline(Extension(Deadline.Parse(newDeadline)))));
        Assert.Empty(task.Extensions);
        Assert.Equal(Deadline.OnDate(new DateOnly(2023, 12, 31)), task.Deadline);
    }

    [Fact]
    public void Extend_ByOneDayIsEnough()
    {
        var task = DueOn(2023, 12, 31);
        task.ExtendDeadline(Extension(Deadline.OnDate(new DateOnly(2024, 1, 1))));
        Assert.Equal(Utc(2024, 1, 1, 17).AddTicks(-1), task.DueAt);
    }

    [Fact]
    public void Extend_ReportsEveryProblemAtOnce()
    {
        var task = DueOn(2023, 12, 31);
        var details = new DeadlineExtensionDetails
        {
            NewDeadline = Deadline.Standing,
            Reason = "",
            ApprovingDecision = "125 UBND",
            ApprovedAt = default,
            ApprovedBy = " ",
        };
        Assert.Equal(
            ["new_deadline", "reason", "approving_decision", "approved_at", "approved_by"],
            Violations.Of(() => task.ExtendDeadline(details)));
    }

    [Fact]
    public void Extend_IsRefusedForStandingAndClosedTasks()
    {
        var standing = Task(Deadline.Standing);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => standing.ExtendDeadline(Extension(Deadline.Parse("năm 2030")))).Reason);

        var completed = DueOn(2023, 12, 31);
        completed.Complete(Utc(2023, 12, 1));
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => completed.ExtendDeadline(Extension(Deadline.Parse("năm 2030")))).Reason);

        var cancelled = DueOn(2023, 12, 31);
        cancelled.Cancel("Không còn phù hợp");
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => cancelled.ExtendDeadline(Extension(Deadline.Parse("năm 2030")))).Reason);
    }

    [Fact]
    public void Update_CannotMoveAnExtendedDeadline()
    {
        var task = DueOn(2023, 12, 31);
        task.ExtendDeadline(Extension(Deadline.Parse("Quý I/2024")));

        Assert.Equal(["original_deadline"], Violations.Of(() => task.Update(Details(Deadline.Parse("năm 2025")))));

        // Sending back either the original or the deadline in force changes nothing.
        task.Update(Details(Deadline.OnDate(new DateOnly(2023, 12, 31))) with { Title = "Sửa tiêu đề" });
        task.Update(Details(Deadline.Parse("Quý I/2024")));
        Assert.Equal(Deadline.OnDate(new DateOnly(2023, 12, 31)), task.OriginalDeadline);
        Assert.Equal(Deadline.Parse("Quý I/2024"), task.Deadline);
        Assert.Single(task.Extensions);
    }

    [Fact]
    public void Extension_OfAPeriodDeadlineToAPeriod()
    {
        var task = Task(Deadline.InPeriod(Period.OfQuarter(2024, 3)));
        task.ExtendDeadline(Extension(Deadline.InPeriod(Period.OfQuarter(2024, 4))));
        Assert.Equal("Quý IV/2024", task.Deadline.ToString());
        Assert.Equal("Quý III/2024", task.OriginalDeadline.ToString());
    }
}
