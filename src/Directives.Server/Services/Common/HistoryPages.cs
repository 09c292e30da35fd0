using Directives.Data;
using Directives.Data.Changes;
using Directives.Server.Api;

namespace Directives.Server.Services.Common;

/// <summary>
/// The history methods (ListDirectiveHistory, ListAgencyHistory, …) over the change log: one resource's
/// entries by commit order, filtered on the ListHistory fields and paged by sequence number. A resource
/// has at most hundreds of entries, so the filter runs over the entries read in batches rather than in SQL.
/// </summary>
internal sealed class HistoryPages(PageTokens pageTokens)
{
    private const int BatchSize = 200;

    private static readonly FilterMapping<ChangeRecord> Filter = new FilterMapping<ChangeRecord>(FilterSchemas.ListHistory)
        .Map("method", r => r.Method)
        .Map("actor.subject", r => r.ActorSubject)
        .Map("actor.agency", r => r.ActorAgency)
        .Map("request_id", r => r.RequestId)
        .Map("commit_time", r => r.CommitTime)
        .EnsureComplete();

    public async Task<HistoryPage> ListAsync(ProvinceDbContext db, HistoryQuery query, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Resolve(query.PageSize);
        var matches = Filter.ToPredicate(FilterSchemas.ListHistory.Bind(query.Filter)).Compile();
        var newestFirst = SortSchemas.ListHistory.Parse(query.OrderBy).Keys[0].Descending;
        var parameters = new ListParameters(query.Method, query.ResourceName, query.Filter, query.OrderBy);
        long? beyond = pageTokens.Read(query.PageToken, parameters) is { } position
            ? position.Values is [long sequence] ? sequence : throw ApiErrors.InvalidPageToken("is not a page token of this list")
            : null;

        var records = new List<ChangeRecord>(pageSize + 1);
        while (records.Count <= pageSize)
        {
            var batch = await db.ChangeLog.HistoryAsync(query.ResourceName, beyond, BatchSize, newestFirst, cancellationToken);
            records.AddRange(batch.Where(matches));
            if (batch.Count < BatchSize)
            {
                break;
            }

            beyond = batch[^1].Sequence;
        }

        if (records.Count <= pageSize)
        {
            return new HistoryPage(records, "");
        }

        records.RemoveRange(pageSize, records.Count - pageSize);
        return new HistoryPage(records, pageTokens.Create(parameters, new PagePosition([records[^1].Sequence])));
    }
}

/// <summary>A history request: the List method's name (it binds page tokens), the resource and the list parameters.</summary>
internal sealed record HistoryQuery(string Method, string ResourceName, int PageSize, string PageToken, string Filter, string OrderBy);

/// <summary>A page of a resource's change log entries and the token of the next.</summary>
internal sealed record HistoryPage(IReadOnlyList<ChangeRecord> Records, string NextPageToken);
