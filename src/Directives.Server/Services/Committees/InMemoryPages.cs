using Directives.Server.Api;

namespace Directives.Server.Services.Committees;

/// <summary>
/// A List page over rows already in memory: a committee is one row holding its compositions and members,
/// and a province has a few hundred committees at most, so the API toolkit's filter and keyset order run
/// over the rows rather than in SQL. The page token carries the last row's sort keys, as in SQL.
/// </summary>
internal static class InMemoryPages
{
    public static RowPage<TRow> Page<TRow>(
        IEnumerable<TRow> rows,
        FilterMapping<TRow> filter,
        SortMapping<TRow> sort,
        ListRequest request,
        PageTokens pageTokens)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var bound = filter.Schema.Bind(request.Parameters.Filter);
        var order = sort.Schema.Parse(request.Parameters.OrderBy);
        var after = pageTokens.Read(request.PageToken, request.Parameters);
        var matching = rows.AsQueryable().Where(filter.ToPredicate(bound)).ToList();
        var page = sort.Apply(matching.AsQueryable(), order, after).Take(pageSize + 1).ToList();
        var next = page.Count > pageSize ? pageTokens.Create(request.Parameters, sort.PositionOf(page[pageSize - 1], order)) : "";
        return new RowPage<TRow>(page.Take(pageSize).ToList(), next, matching.Count);
    }
}

/// <summary>A List request's paging: its page size and token, and the parameters its tokens are bound to.</summary>
internal sealed record ListRequest(int PageSize, string PageToken, ListParameters Parameters);

/// <summary>A page of rows, the next page's token (empty on the last page) and how many rows matched.</summary>
internal sealed record RowPage<TRow>(IReadOnlyList<TRow> Items, string NextPageToken, int TotalSize);
