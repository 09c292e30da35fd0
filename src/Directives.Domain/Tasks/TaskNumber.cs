using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Directives.Domain.Tasks;

/// <summary>
/// A task's number within its directive: "3", "3.1", "3.1.2". Compares numerically level by level,
/// so 3.10 comes after 3.9 and 3 before 3.1.
/// </summary>
/// <remarks>
/// A database orders text, not numbers: store <see cref="SortKey"/> ("0003.0010") and read it back
/// with <see cref="FromSortKey"/>.
/// </remarks>
public sealed class TaskNumber : IEquatable<TaskNumber>, IComparable<TaskNumber>
{
    public const int MaxDepth = 5;
    public const int MaxSegment = 9_999;

    private const int SortKeyDigits = 4;

    private readonly int[] _segments;

    private TaskNumber(int[] segments)
    {
        _segments = segments;
    }

    public IReadOnlyList<int> Segments => _segments;

    /// <summary>1 for "3", 2 for "3.1".</summary>
    public int Depth => _segments.Length;

    /// <summary>"3" for "3.1"; null for a top-level number.</summary>
    public TaskNumber? Parent => _segments.Length == 1 ? null : new TaskNumber(_segments[..^1]);

    /// <summary>Each segment zero-padded to four digits, so that ordinal text order is numeric order.</summary>
    public string SortKey => string.Join('.', _segments.Select(s => s.ToString("D4", CultureInfo.InvariantCulture)));

    public static TaskNumber Parse(string text)
        => TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>
    /// Reads "3", "3.1", and "3.1." as the documents print it. Segments are positive, without
    /// leading zeros, at most <see cref="MaxSegment"/>, at most <see cref="MaxDepth"/> levels.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TaskNumber? number)
        => TryParse(text, out number, out _);

    internal static bool TryParse(string? text, [NotNullWhen(true)] out TaskNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var span = text.AsSpan().Trim();
        if (span.EndsWith('.'))
        {
            span = span[..^1];
        }

        if (span.IsEmpty)
        {
            error = "is required";
            return false;
        }

        var segments = new List<int>(MaxDepth);
        foreach (var range in span.Split('.'))
        {
            var part = span[range];
            if (part.IsEmpty || !IsAsciiDigits(part))
            {
                error = $"'{text}' is not a task number such as 3 or 3.1";
                return false;
            }

            if (part.Length > 1 && part[0] == '0')
            {
                error = $"'{text}' has a segment with a leading zero";
                return false;
            }

            var value = part.Length <= 4 ? int.Parse(part, CultureInfo.InvariantCulture) : int.MaxValue;
            if (value is < 1 or > MaxSegment)
            {
                error = $"'{text}' has a segment outside 1..{MaxSegment}";
                return false;
            }

            segments.Add(value);
            if (segments.Count > MaxDepth)
            {
                error = $"'{text}' is nested deeper than {MaxDepth} levels";
                return false;
            }
        }

        number = new TaskNumber([.. segments]);
        error = null;
        return true;
    }

    public static TaskNumber FromSortKey(string sortKey)
    {
        ArgumentNullException.ThrowIfNull(sortKey);
        var segments = sortKey.Split('.').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if (segments.Length is 0 or > MaxDepth || segments.Any(s => s is < 1 or > MaxSegment))
        {
            throw new FormatException($"'{sortKey}' is not a task number sort key.");
        }

        return new TaskNumber(segments);
    }

    /// <summary>Whether this number sits directly under <paramref name="parent"/>: 3.1 under 3.</summary>
    public bool IsChildOf(TaskNumber parent)
        => _segments.Length == parent._segments.Length + 1 && _segments.AsSpan(0, parent._segments.Length).SequenceEqual(parent._segments);

    public int CompareTo(TaskNumber? other)
    {
        if (other is null)
        {
            return 1;
        }

        var common = Math.Min(_segments.Length, other._segments.Length);
        for (var i = 0; i < common; i++)
        {
            var order = _segments[i].CompareTo(other._segments[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return _segments.Length.CompareTo(other._segments.Length);
    }

    public bool Equals(TaskNumber? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as TaskNumber);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join('.', _segments);

    public static bool operator ==(TaskNumber? left, TaskNumber? right) => Equals(left, right);

    public static bool operator !=(TaskNumber? left, TaskNumber? right) => !Equals(left, right);

    public static bool operator <(TaskNumber left, TaskNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(TaskNumber left, TaskNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(TaskNumber left, TaskNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(TaskNumber left, TaskNumber right) => left.CompareTo(right) >= 0;

    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
