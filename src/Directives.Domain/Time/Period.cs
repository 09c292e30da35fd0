using System.Diagnostics.CodeAnalysis;
using Directives.Domain.Search;

namespace Directives.Domain.Time;

/// <summary>
/// A calendar period as directives name them: a quarter, a half-year or a year. Used for period
/// deadlines, report periods and the baselines of targets.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> gives the canonical Vietnamese form ("Quý III/2024", "6 tháng đầu năm 2024",
/// "năm 2024"), which <see cref="Parse"/> reads back; store that text.
/// </remarks>
public sealed class Period : IEquatable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 9999;

    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    private Period(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>Which quarter (1–4) or half (1–2) of the year; 1 for a whole year.</summary>
    public int Number { get; }

    public DateOnly FirstDay => Kind switch
    {
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        PeriodKind.HalfYear => new DateOnly(Year, Number == 1 ? 1 : 7, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly LastDay => Kind switch
    {
        PeriodKind.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        PeriodKind.HalfYear => Number == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31),
        _ => new DateOnly(Year, 12, 31),
    };

    public static Period OfQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new Period(PeriodKind.Quarter, CheckYear(year), quarter);
    }

    public static Period OfHalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return new Period(PeriodKind.HalfYear, CheckYear(year), half);
    }

    public static Period OfYear(int year) => new(PeriodKind.Year, CheckYear(year), 1);

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static Period Parse(string text)
        => TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period such as \"Quý III/2024\", \"6 tháng đầu năm 2024\" or \"năm 2025\".");

    /// <summary>
    /// Reads the forms directives use, in any case and with or without marks: "Quý III/2024",
    /// "quý 3 năm 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "trong năm 2025", "2025".
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        return text is not null && TryParse(VietnameseText.Tokenize(text), out period);
    }

    internal static bool TryParse(IReadOnlyList<string> tokens, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        var words = new TokenReader(tokens);
        words.Skip("trong");

        if (words.Skip("quy"))
        {
            if (!TryReadQuarter(words.Next(), out var quarter))
            {
                return false;
            }

            words.Skip("nam");
            if (!TryReadYear(ref words, out var quarterYear))
            {
                return false;
            }

            period = new Period(PeriodKind.Quarter, quarterYear, quarter);
            return true;
        }

        var half = 0;
        if (words.Skip("6", "thang") || words.Skip("sau", "thang") || words.Skip("nua"))
        {
            half = words.Skip("dau") ? 1 : words.Skip("cuoi") ? 2 : 0;
            if (half == 0)
            {
                return false;
            }
        }

        words.Skip("ca");
        var namedYear = words.Skip("nam");
        if (half != 0 && !namedYear)
        {
            return false;
        }

        if (!TryReadYear(ref words, out var year))
        {
            return false;
        }

        period = half == 0 ? new Period(PeriodKind.Year, year, 1) : new Period(PeriodKind.HalfYear, year, half);
        return true;
    }

    public override string ToString() => Kind switch
    {
        PeriodKind.Quarter => $"Quý {RomanQuarters[Number - 1]}/{Year}",
        PeriodKind.HalfYear => $"6 tháng {(Number == 1 ? "đầu" : "cuối")} năm {Year}",
        _ => $"năm {Year}",
    };

    public bool Equals(Period? other)
        => other is not null && Kind == other.Kind && Year == other.Year && Number == other.Number;

    public override bool Equals(object? obj) => Equals(obj as Period);

    public override int GetHashCode() => HashCode.Combine(Kind, Year, Number);

    public static bool operator ==(Period? left, Period? right) => Equals(left, right);

    public static bool operator !=(Period? left, Period? right) => !Equals(left, right);

    private static bool TryReadQuarter(string? token, out int quarter)
    {
        quarter = token switch
        {
            "i" or "1" => 1,
            "ii" or "2" => 2,
            "iii" or "3" => 3,
            "iv" or "4" => 4,
            _ => 0,
        };
        return quarter != 0;
    }

    private static bool TryReadYear(ref TokenReader words, out int year)
    {
        year = 0;
        var token = words.Next();
        return token is { Length: 4 }
            && int.TryParse(token, out year)
            && year is >= MinYear and <= MaxYear
            && words.AtEnd;
    }

    private static int CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return year;
    }
}
