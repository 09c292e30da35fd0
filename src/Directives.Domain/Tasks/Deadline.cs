using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Directives.Domain.Search;
using Directives.Domain.Time;

namespace Directives.Domain.Tasks;

/// <summary>
/// When a task is due: a day, a period (due on its last day), or standing ("thường xuyên", never due).
/// Whatever the form, the task is due at the last instant of the last day in Asia/Ho_Chi_Minh.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is canonical ("30/06/2024", "Quý III/2024", "6 tháng đầu năm 2024",
/// "năm 2025", "thường xuyên") and <see cref="Parse"/> reads it back, so a single text column stores a
/// deadline; store <see cref="DueAt"/> beside it to filter and sort by due instant.
/// </remarks>
public sealed class Deadline : IEquatable<Deadline>
{
    private const string StandingText = "thường xuyên";

    // Words that may precede a date without changing it: "trước ngày", "chậm nhất ngày", "hạn".
    private static readonly HashSet<string> DatePrefixWords = ["truoc", "ngay", "cham", "nhat", "han", "den"];

    private Deadline(DeadlineKind kind, DateOnly? date, Period? period)
    {
        Kind = kind;
        Date = date;
        Period = period;
    }

    /// <summary>A standing task's deadline: never due, so never late.</summary>
    public static Deadline Standing { get; } = new(DeadlineKind.Standing, null, null);

    public DeadlineKind Kind { get; }

    /// <summary>The day, for a <see cref="DeadlineKind.Date"/> deadline.</summary>
    public DateOnly? Date { get; }

    /// <summary>The period, for a <see cref="DeadlineKind.Period"/> deadline.</summary>
    public Period? Period { get; }

    public bool IsStanding => Kind == DeadlineKind.Standing;

    /// <summary>The last day on which the task is still on time; null for standing tasks.</summary>
    public DateOnly? LastDay => Kind switch
    {
        DeadlineKind.Date => Date,
        DeadlineKind.Period => Period!.LastDay,
        _ => null,
    };

    /// <summary>The last on-time instant, 23:59:59.9999999 of <see cref="LastDay"/> in Vietnam, in UTC.</summary>
    public DateTimeOffset? DueAt => LastDay is { } day ? VietnamTime.EndOfDay(day) : null;

    public static Deadline OnDate(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, Time.Period.MinYear, nameof(date));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Year, Time.Period.MaxYear, nameof(date));
        return new Deadline(DeadlineKind.Date, date, null);
    }

    public static Deadline InPeriod(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new Deadline(DeadlineKind.Period, null, period);
    }

    public static Deadline Parse(string text)
        => TryParse(text, out var deadline)
            ? deadline
            : throw new FormatException($"'{text}' is not a deadline such as \"30/6/2024\", \"Quý III/2024\", \"trong năm 2025\" or \"thường xuyên\".");

    /// <summary>
    /// Reads what directives write, in any case and with or without marks: "30/6/2024",
    /// "trước ngày 30/6/2024", "ngày 30 tháng 6 năm 2024", "2024-06-30", any form
    /// <see cref="Time.Period.TryParse(string?, out Time.Period?)"/> reads, and "thường xuyên".
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Deadline? deadline)
    {
        deadline = null;
        if (text is null)
        {
            return false;
        }

        var tokens = VietnameseText.Tokenize(text);
        if (IsStandingPhrase(tokens))
        {
            deadline = Standing;
            return true;
        }

        if (Time.Period.TryParse(tokens, out var period))
        {
            deadline = InPeriod(period);
            return true;
        }

        if (TryParseDate(tokens, out var date))
        {
            deadline = OnDate(date);
            return true;
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        DeadlineKind.Date => Date!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DeadlineKind.Period => Period!.ToString(),
        _ => StandingText,
    };

    public bool Equals(Deadline? other)
        => other is not null && Kind == other.Kind && Date == other.Date && Period == other.Period;

    public override bool Equals(object? obj) => Equals(obj as Deadline);

    public override int GetHashCode() => HashCode.Combine(Kind, Date, Period);

    public static bool operator ==(Deadline? left, Deadline? right) => Equals(left, right);

    public static bool operator !=(Deadline? left, Deadline? right) => !Equals(left, right);

    private static bool IsStandingPhrase(IReadOnlyList<string> tokens)
        => tokens is ["thuong", "xuyen"] or ["thuong", "xuyen", "lien", "tuc"];

    private static bool TryParseDate(IReadOnlyList<string> tokens, out DateOnly date)
    {
        date = default;
        var start = 0;
        while (start < tokens.Count && DatePrefixWords.Contains(tokens[start]))
        {
            start++;
        }

        var rest = tokens.Skip(start).ToArray();
        string day, month, year;
        switch (rest)
        {
            case [var y, var m, var d] when y.Length == 4:
                (day, month, year) = (d, m, y);
                break;
            case [var d, var m, var y]:
                (day, month, year) = (d, m, y);
                break;
            case [var d, "thang", var m, "nam", var y]:
                (day, month, year) = (d, m, y);
                break;
            default:
                return false;
        }

        if (year.Length != 4
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d1)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m1)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y1)
            || y1 is < Time.Period.MinYear or > Time.Period.MaxYear
            || m1 is < 1 or > 12
            || d1 < 1 || d1 > DateTime.DaysInMonth(y1, m1))
        {
            return false;
        }

        date = new DateOnly(y1, m1, d1);
        return true;
    }
}
