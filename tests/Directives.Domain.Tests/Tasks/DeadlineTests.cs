using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Domain.Tests.Tasks;

public class DeadlineTests
{
    [Theory]
    [InlineData("30/6/2024")]
    [InlineData("30/06/2024")]
    [InlineData("trước ngày 30/6/2024")]
    [InlineData("Chậm nhất ngày 30/6/2024")]
    [InlineData("ngày 30 tháng 6 năm 2024")]
    [InlineData("2024-06-30")]
    [InlineData("30-6-2024")]
    public void Parse_ReadsDates(string text)
    {
        var deadline = Deadline.Parse(text);
        Assert.Equal(DeadlineKind.Date, deadline.Kind);
        Assert.Equal(new DateOnly(2024, 6, 30), deadline.Date);
        Assert.Equal(new DateOnly(2024, 6, 30), deadline.LastDay);
    }

    [Theory]
    [InlineData("Quý III/2024", "2024-09-30")]
    [InlineData("6 tháng đầu năm 2024", "2024-06-30")]
    [InlineData("6 tháng cuối năm 2024", "2024-12-31")]
    [InlineData("trong năm 2025", "2025-12-31")]
    public void Parse_ReadsPeriodsDueOnTheirLastDay(string text, string lastDay)
    {
        var deadline = Deadline.Parse(text);
        Assert.Equal(DeadlineKind.Period, deadline.Kind);
        Assert.Null(deadline.Date);
        Assert.Equal(Period.Parse(text), deadline.Period);
        Assert.Equal(DateOnly.Parse(lastDay), deadline.LastDay);
    }

    [Theory]
    [InlineData("thường xuyên")]
    [InlineData("Thường xuyên")]
    [InlineData("THUONG XUYEN")]
    [InlineData("thường xuyên, liên tục")]
    public void Parse_ReadsStanding(string text)
    {
        var deadline = Deadline.Parse(text);
        Assert.Same(Deadline.Standing, deadline);
        Assert.True(deadline.IsStanding);
        Assert.Null(deadline.LastDay);
        Assert.Null(deadline.DueAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sớm")]
    [InlineData("31/6/2024")]
    [InlineData("29/2/2023")]
    [InlineData("1/13/2024")]
    [InlineData("30/6/24")]
    [InlineData("30/6")]
    [InlineData("thường")]
    [InlineData("ngày 30 tháng 6")]
    public void TryParse_RejectsOtherText(string text)
    {
        Assert.False(Deadline.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Deadline.Parse(text));
    }

    [Fact]
    public void TryParse_AcceptsLeapDay()
    {
        Assert.True(Deadline.TryParse("29/2/2024", out var deadline));
        Assert.Equal(new DateOnly(2024, 2, 29), deadline.Date);
    }

    [Theory]
    [InlineData("30/06/2024")]
    [InlineData("Quý III/2024")]
    [InlineData("6 tháng đầu năm 2024")]
    [InlineData("năm 2025")]
    [InlineData("thường xuyên")]
    public void ToString_IsCanonicalAndRoundTrips(string canonical)
    {
        var deadline = Deadline.Parse(canonical);
        Assert.Equal(canonical, deadline.ToString());
        Assert.Equal(deadline, Deadline.Parse(deadline.ToString()));
    }

    [Fact]
    public void DueAt_IsTheLastInstantOfTheLastDayInVietnam()
    {
        var dueAt = Deadline.InPeriod(Period.OfQuarter(2024, 3)).DueAt;
        Assert.Equal(new DateTimeOffset(2024, 9, 30, 17, 0, 0, TimeSpan.Zero).AddTicks(-1), dueAt);
        var local = dueAt!.Value.ToOffset(TimeSpan.FromHours(7));
        Assert.Equal(new DateTime(2024, 9, 30, 23, 59, 59).AddTicks(9_999_999), local.DateTime);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Deadline.OnDate(new DateOnly(2024, 6, 30)), Deadline.Parse("30/6/2024"));
        Assert.NotEqual(Deadline.OnDate(new DateOnly(2024, 6, 30)), Deadline.InPeriod(Period.OfHalfYear(2024, 1)));
        Assert.True(Deadline.Parse("Quý III/2024") == Deadline.InPeriod(Period.OfQuarter(2024, 3)));
        Assert.True(Deadline.Parse("Quý III/2024") != Deadline.Standing);
    }
}
