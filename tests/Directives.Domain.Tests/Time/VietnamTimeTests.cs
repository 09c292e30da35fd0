using Directives.Domain.Time;

namespace Directives.Domain.Tests.Time;

public class VietnamTimeTests
{
    [Fact]
    public void EndOfDay_IsOneTickBefore17hUtc()
    {
        var end = VietnamTime.EndOfDay(new DateOnly(2024, 6, 30));
        Assert.Equal(new DateTimeOffset(2024, 6, 30, 17, 0, 0, TimeSpan.Zero).AddTicks(-1), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }

    [Fact]
    public void StartOfDay_IsMidnightInVietnam()
    {
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 17, 0, 0, TimeSpan.Zero), VietnamTime.StartOfDay(new DateOnly(2025, 1, 1)));
    }

    [Theory]
    [InlineData("2024-06-30T16:59:59Z", "2024-06-30")]
    [InlineData("2024-06-30T17:00:00Z", "2024-07-01")]
    [InlineData("2024-06-30T00:00:00+07:00", "2024-06-30")]
    [InlineData("2024-12-31T20:00:00Z", "2025-01-01")]
    public void DateOf_UsesVietnamCalendarDay(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnamTime.DateOf(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void Zone_IsUtcPlus7WithoutDaylightSaving()
    {
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Zone.GetUtcOffset(new DateTime(2024, 1, 15)));
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Zone.GetUtcOffset(new DateTime(2024, 7, 15)));
    }

    [Fact]
    public void EndOfDay_WorksAtTheEndsOfTheCalendar()
    {
        Assert.Equal(DateTimeOffset.MaxValue.AddHours(-7), VietnamTime.EndOfDay(DateOnly.MaxValue));

        // Before 1906 the zone ran on local mean time, an offset in seconds; the instant is still exact.
        var start = VietnamTime.StartOfDay(new DateOnly(1900, 1, 1));
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateOnly(1900, 1, 1), VietnamTime.DateOf(start));
        Assert.Equal(new DateOnly(1899, 12, 31), VietnamTime.DateOf(start.AddTicks(-1)));
    }

    [Fact]
    public void FindZone_FallsBackToAFixedUtcPlus7WithoutTzData()
    {
        var zone = VietnamTime.FindZone(_ => null);
        Assert.Equal(VietnamTime.ZoneId, zone.Id);
        Assert.Equal(TimeSpan.FromHours(7), zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void FindZone_TriesTheWindowsNameSecond()
    {
        var asked = new List<string>();
        VietnamTime.FindZone(id =>
        {
            asked.Add(id);
            return null;
        });
        Assert.Equal(["Asia/Ho_Chi_Minh", "SE Asia Standard Time"], asked);
    }
}
