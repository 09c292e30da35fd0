using Directives.Domain.Time;

namespace Directives.Domain.Tests.Time;

public class PeriodTests
{
    [Theory]
    [InlineData(1, "2024-01-01", "2024-03-31")]
    [InlineData(2, "2024-04-01", "2024-06-30")]
    [InlineData(3, "2024-07-01", "2024-09-30")]
    [InlineData(4, "2024-10-01", "2024-12-31")]
    public void Quarter_CoversItsThreeMonths(int quarter, string first, string last)
    {
        var period = Period.OfQuarter(2024, quarter);
        Assert.Equal(DateOnly.Parse(first), period.FirstDay);
        Assert.Equal(DateOnly.Parse(last), period.LastDay);
    }

    [Fact]
    public void HalfYearAndYear_CoverTheirMonths()
    {
        Assert.Equal(new DateOnly(2024, 6, 30), Period.OfHalfYear(2024, 1).LastDay);
        Assert.Equal(new DateOnly(2024, 7, 1), Period.OfHalfYear(2024, 2).FirstDay);
        Assert.Equal(new DateOnly(2024, 12, 31), Period.OfHalfYear(2024, 2).LastDay);
        Assert.Equal(new DateOnly(2025, 1, 1), Period.OfYear(2025).FirstDay);
        Assert.Equal(new DateOnly(2025, 12, 31), Period.OfYear(2025).LastDay);
    }

    [Fact]
    public void Contains_IsInclusiveAtBothEnds()
    {
        var q3 = Period.OfQuarter(2024, 3);
        Assert.True(q3.Contains(new DateOnly(2024, 7, 1)));
        Assert.True(q3.Contains(new DateOnly(2024, 9, 30)));
        Assert.False(q3.Contains(new DateOnly(2024, 6, 30)));
        Assert.False(q3.Contains(new DateOnly(2024, 10, 1)));
    }

    [Theory]
    [InlineData("Quý III/2024", PeriodKind.Quarter, 2024, 3)]
    [InlineData("quý 3/2024", PeriodKind.Quarter, 2024, 3)]
    [InlineData("QUY IV NAM 2025", PeriodKind.Quarter, 2025, 4)]
    [InlineData("trong Quý I/2023", PeriodKind.Quarter, 2023, 1)]
    [InlineData("Quý II năm 2024", PeriodKind.Quarter, 2024, 2)]
    [InlineData("6 tháng đầu năm 2024", PeriodKind.HalfYear, 2024, 1)]
    [InlineData("6 tháng cuối năm 2023", PeriodKind.HalfYear, 2023, 2)]
    [InlineData("sáu tháng đầu năm 2024", PeriodKind.HalfYear, 2024, 1)]
    [InlineData("nửa cuối năm 2024", PeriodKind.HalfYear, 2024, 2)]
    [InlineData("trong năm 2025", PeriodKind.Year, 2025, 1)]
    [InlineData("năm 2023", PeriodKind.Year, 2023, 1)]
    [InlineData("cả năm 2023", PeriodKind.Year, 2023, 1)]
    [InlineData("2022", PeriodKind.Year, 2022, 1)]
    public void Parse_ReadsTheFormsDirectivesUse(string text, PeriodKind kind, int year, int number)
    {
        var period = Period.Parse(text);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(year, period.Year);
        Assert.Equal(number, period.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Quý V/2024")]
    [InlineData("Quý 0/2024")]
    [InlineData("Quý III")]
    [InlineData("Quý III/24")]
    [InlineData("6 tháng năm 2024")]
    [InlineData("6 tháng đầu 2024")]
    [InlineData("năm 1899")]
    [InlineData("năm 2024 và 2025")]
    [InlineData("30/6/2024")]
    [InlineData("thường xuyên")]
    public void TryParse_RejectsOtherText(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void ToString_IsCanonicalAndRoundTrips(Period period, string expected)
    {
        Assert.Equal(expected, period.ToString());
        Assert.Equal(period, Period.Parse(period.ToString()));
    }

    public static TheoryData<Period, string> AllKinds => new()
    {
        { Period.OfQuarter(2024, 1), "Quý I/2024" },
        { Period.OfQuarter(2024, 2), "Quý II/2024" },
        { Period.OfQuarter(2024, 3), "Quý III/2024" },
        { Period.OfQuarter(2024, 4), "Quý IV/2024" },
        { Period.OfHalfYear(2024, 1), "6 tháng đầu năm 2024" },
        { Period.OfHalfYear(2024, 2), "6 tháng cuối năm 2024" },
        { Period.OfYear(2025), "năm 2025" },
    };

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Period.OfQuarter(2024, 3), Period.OfQuarter(2024, 3));
        Assert.True(Period.OfYear(2024) == Period.OfYear(2024));
        Assert.NotEqual(Period.OfQuarter(2024, 3), Period.OfQuarter(2025, 3));
        Assert.NotEqual(Period.OfHalfYear(2024, 1), Period.OfQuarter(2024, 1));
        Assert.Equal(Period.OfYear(2024).GetHashCode(), Period.OfYear(2024).GetHashCode());
    }

    [Fact]
    public void Factories_RejectOutOfRangeParts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(2024, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfHalfYear(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfYear(1800));
    }
}
