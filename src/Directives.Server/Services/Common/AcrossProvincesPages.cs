using Directives.Data.Queries;
using Directives.Server.Api;
using Directives.Server.Tenancy;

namespace Directives.Server.Services.Common;

/// <summary>One province's keyset page of a list, and how many items match there; a page size of 0 counts only.</summary>
internal sealed record ProvincePage<T>(IReadOnlyList<T> Items, PageCursor? Next, int Total);

/// <summary>A page of a <c>provinces/-</c> list: the items, the next token, the total over the reached provinces, the unreachable ones.</summary>
internal sealed record AcrossProvincesPage<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize, IReadOnlyList<string> Unreachable);

/// <summary>
/// The page of a list across provinces (the province first in the order), from one reader of a
/// province's keyset page: every province from the token's on is asked for a full page, in parallel;
/// the pages are laid end to end in province order and cut to size (the province cut is read again for
/// its cursor there). Provinces before the token's are counted only, for total_size.
/// </summary>
internal static class AcrossProvincesPages
{
    public static async Task<AcrossProvincesPage<T>> ListPageAsync<T>(
        this ProvinceFanOut fanOut,
        PageTokens tokens,
        Func<ProvinceRecord, PageCursor?, int, CancellationToken, Task<ProvincePage<T>>> readPage,
        int pageSize,
        string pageToken,
        ListParameters parameters,
        CancellationToken cancellationToken)
    {
        var position = tokens.ReadProvinceCursor(pageToken, parameters);
        var pages = await fanOut.ReadAsync(
            (province, token) => position is { } at && string.CompareOrdinal(province.Id, at.Province) < 0
                ? readPage(province, null, 0, token)
                : readPage(province, CursorIn(province), pageSize, token),
            cancellationToken);

        var items = new List<T>();
        var total = 0;
        string? next = null;
        foreach (var (province, page) in pages.Reached)
        {
            total += page.Total;
            if (next is not null || page.Items.Count == 0)
            {
                continue;
            }

            var room = pageSize - items.Count;
            if (room == 0)
            {
                next = tokens.NextProvinceToken(province.Id, null, parameters);
            }
            else if (page.Items.Count > room)
            {
                var cut = await readPage(province, CursorIn(province), room, cancellationToken);
                items.AddRange(cut.Items);
                next = tokens.NextProvinceToken(province.Id, cut.Next, parameters);
            }
            else
            {
                items.AddRange(page.Items);
                if (page.Next is not null)
                {
                    next = tokens.NextProvinceToken(province.Id, page.Next, parameters);
                }
            }
        }

        return new AcrossProvincesPage<T>(items, next ?? "", total, pages.Unreachable);

        PageCursor? CursorIn(ProvinceRecord province) => province.Id == position?.Province ? position.Value.Cursor : null;
    }
}
