using Directives.Contracts.V1;

namespace Directives.Client.Sync;

/// <summary>
/// Brings an <see cref="OfflineCache"/> up to date with one province's change feed (ListChanges with
/// snapshots): page after page from the cache's token until the feed has nothing more, each page applied
/// with its next token in one transaction. Run it at start, after reconnecting and on a timer.
/// </summary>
/// <remarks>
/// A token older than the feed's retention (30 days offline) fails FAILED_PRECONDITION
/// (CHANGE_TOKEN_EXPIRED, a <see cref="Errors.ConflictException"/>): the cache must then be rebuilt.
/// </remarks>
public sealed class ChangeSynchronizer(DirectivesClient client, OfflineCache cache, string province)
{
    /// <summary>Changes per ListChanges call: 1000, the API's maximum, so that a long absence costs few round trips.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Applies every change committed since the cache's token; returns what it did.</summary>
    public async Task<SyncResult> SyncAsync(IProgress<SyncResult>? progress = null, CancellationToken cancellationToken = default)
    {
        var parent = "provinces/" + province;
        var token = await cache.GetChangeTokenAsync(province, cancellationToken).ConfigureAwait(false) ?? "";
        var result = new SyncResult(0, 0, token);
        while (true)
        {
            var page = await client.Changes.ListChangesAsync(
                new ListChangesRequest { Parent = parent, SinceToken = token, PageSize = PageSize, IncludeSnapshots = true },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            await cache.ApplyAsync(province, page.Changes, page.NextSinceToken, cancellationToken).ConfigureAwait(false);
            token = page.NextSinceToken;
            result = new SyncResult(result.Applied + page.Changes.Count, result.Pages + 1, token);
            progress?.Report(result);
            if (!page.HasMore)
            {
                return result;
            }
        }
    }
}

/// <summary>What a sync did.</summary>
/// <param name="Applied">Changes applied.</param>
/// <param name="Pages">ListChanges calls made.</param>
/// <param name="ChangeToken">The token the cache is now current up to.</param>
public sealed record SyncResult(int Applied, int Pages, string ChangeToken);
