using Directives.Server.Api;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// ListReports' <c>order_by</c> over <see cref="ReportRow"/>s: <c>submit_time</c> (default
/// <c>submit_time desc</c>), <c>period</c> (by the period's last day; reports without one last) and
/// <c>percent_complete</c>, then the report's name (province, directive, task, report) to break ties.
/// </summary>
internal sealed class ReportOrder
{
    private readonly IReadOnlyList<SortKey> _keys;

    private ReportOrder(IReadOnlyList<SortKey> keys) => _keys = keys;

    public static ReportOrder Parse(string? orderBy) => new(SortSchemas.ListReports.Parse(orderBy).Keys);

    public int Compare(ReportRow left, ReportRow right)
    {
        var values = Values(right);
        return CompareTo(left, values);
    }

    /// <summary>Whether <paramref name="row"/> sorts strictly after <paramref name="position"/>.</summary>
    public bool IsAfter(ReportRow row, PagePosition position)
    {
        if (position.Values.Count != _keys.Count + 4)
        {
            throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token");
        }

        return CompareTo(row, position.Values) > 0;
    }

    public PagePosition PositionOf(ReportRow row) => new(Values(row));

    private object?[] Values(ReportRow row)
        => [.. _keys.Select(k => Value(row, k.Field)), row.Province, row.Directive, row.TaskId, row.ReportId];

    private int CompareTo(ReportRow row, IReadOnlyList<object?> position)
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            var order = CompareValues(Value(row, _keys[i].Field), position[i], _keys[i].Descending);
            if (order != 0)
            {
                return order;
            }
        }

        string[] names = [row.Province, row.Directive, row.TaskId, row.ReportId];
        for (var i = 0; i < names.Length; i++)
        {
            var order = string.CompareOrdinal(names[i], position[_keys.Count + i] as string
                ?? throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token"));
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    // Page tokens carry numbers as longs and instants as DateTimeOffsets: compare in those terms.
    private static object? Value(ReportRow row, string field) => field switch
    {
        "submit_time" => row.SubmitTime.UtcTicks,
        "period" => row.PeriodEnd is { } end ? (long)end.DayNumber : null,
        _ => (long)row.PercentComplete,
    };

    // Nulls (no period) sort last in both directions.
    private static int CompareValues(object? value, object? position, bool descending)
    {
        if (value is null || position is null)
        {
            return (value is null).CompareTo(position is null);
        }

        if (value is not long number || position is not long other)
        {
            throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token");
        }

        return descending ? other.CompareTo(number) : number.CompareTo(other);
    }
}
