using Directives.Data.Queries;
using Directives.Server.Api;

namespace Directives.Server.Services.Common;

/// <summary>
/// Page tokens over the Data layer's keyset cursors: the cursor's keys travel in the API toolkit's signed
/// token, bound to the request's other parameters, so a client can neither forge a position nor reuse a
/// token with another filter. Across provinces the province id goes first.
/// </summary>
internal static class ListPageTokens
{
    /// <summary>The cursor <paramref name="token"/> resumes after; null for the first page.</summary>
    public static PageCursor? ReadCursor(this PageTokens tokens, string? token, ListParameters parameters)
        => tokens.Read(token, parameters) is { } position ? new PageCursor(Strings(position, skip: 0)) : null;

    public static string NextToken(this PageTokens tokens, PageCursor? next, ListParameters parameters)
        => next is null ? "" : tokens.Create(parameters, new PagePosition([.. next.Keys]));

    /// <summary>A cross-province position: the province, then that province's cursor (null: from its first item).</summary>
    public static (string Province, PageCursor? Cursor)? ReadProvinceCursor(this PageTokens tokens, string? token, ListParameters parameters)
    {
        if (tokens.Read(token, parameters) is not { } position)
        {
            return null;
        }

        var keys = Strings(position, skip: 0);
        return keys.Length == 0
            ? throw ApiErrors.InvalidPageToken("is not a page token of this list")
            : (keys[0], keys.Length == 1 ? null : new PageCursor(keys[1..]));
    }

    public static string NextProvinceToken(this PageTokens tokens, string province, PageCursor? cursor, ListParameters parameters)
        => tokens.Create(parameters, new PagePosition([province, .. cursor?.Keys ?? []]));

    private static string[] Strings(PagePosition position, int skip)
        => [.. position.Values.Skip(skip).Select(v => v as string ?? throw ApiErrors.InvalidPageToken("is not a page token of this list"))];
}
