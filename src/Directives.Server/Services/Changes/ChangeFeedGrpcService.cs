using Directives.Contracts.V1;
using Directives.Data;
using Directives.Server.Api;
using Directives.Server.Tenancy;
using Grpc.Core;

namespace Directives.Server.Services.Changes;

/// <summary>
/// ChangeFeedService over the province's change log, which records every mutation in the transaction
/// that commits it, numbered without gaps in commit order: so listing the entries after a token's
/// sequence number delivers exactly the changes committed after it, across restarts and replicas.
/// WatchDirectives and WatchTasks are not served yet (the generated base answers UNIMPLEMENTED).
/// </summary>
internal sealed class ChangeFeedGrpcService(ITenantContext tenant, IProvinceDbContextFactory databases, TimeProvider time)
    : ChangeFeedService.ChangeFeedServiceBase
{
    // An officer's page skips the changes they may not see; a call reads at most this many entries per
    // page size before it answers (has_more then tells the client to call again at once).
    private const int ScannedPerReturned = 20;

    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        ProvinceName.Parse(request.Parent, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var types = ResourceTypesOf(request);
        var cancellationToken = context.CancellationToken;
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        if (request.StartAtHead)
        {
            return new ListChangesResponse { NextSinceToken = (await ChangePosition.HeadAsync(db, cancellationToken)).ToString() };
        }

        var position = await ChangePosition.ResolveAsync(db, request.SinceToken, "since_token", cancellationToken);
        var visibility = new ChangeVisibility(db, tenant.Tasks);
        var now = time.GetUtcNow();
        var response = new ListChangesResponse();
        var scanned = 0;
        while (response.Changes.Count < pageSize && scanned < pageSize * ScannedPerReturned)
        {
            var wanted = pageSize - response.Changes.Count;
            var batch = await db.ChangeLog.ListAfterAsync(position.Sequence, wanted, types, cancellationToken);
            foreach (var change in batch)
            {
                position = ChangeToken.After(db.ProvinceId, change);
                if (await visibility.CanSeeAsync(change, cancellationToken))
                {
                    response.Changes.Add(ChangeEvents.ToEvent(db.ProvinceId, change, request.IncludeSnapshots, now));
                }
            }

            scanned += batch.Count;
            if (batch.Count < wanted)
            {
                break;
            }
        }

        response.NextSinceToken = position.ToString();
        response.HasMore = (await db.ChangeLog.ListAfterAsync(position.Sequence, 1, types, cancellationToken)).Count > 0;
        return response;
    }

    private static string[]? ResourceTypesOf(ListChangesRequest request)
    {
        if (request.ResourceTypes.Count == 0)
        {
            return null;
        }

        var violations = request.ResourceTypes
            .Select((type, i) => (type, i))
            .Where(t => !ChangeResourceTypes.All.Contains(t.type))
            .Select(t => new Domain.Validation.FieldViolation(
                $"resource_types[{t.i}]", $"\"{t.type}\" is not a resource type of the feed; use one of {string.Join(", ", ChangeResourceTypes.All)}"))
            .ToList();
        return violations.Count > 0 ? throw ApiErrors.InvalidArgument(violations) : [.. request.ResourceTypes.Distinct(StringComparer.Ordinal)];
    }
}
