using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Resources;
using Directives.Domain.Agencies;
using Directives.Domain.Search;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Microsoft.EntityFrameworkCore;
using DomainAgency = Directives.Domain.Agencies.Agency;

namespace Directives.Server.Services.Agencies;

/// <summary>
/// ListAgencies. A province's catalogue is about a hundred agencies (names kept as a JSON history), so
/// it is read whole and filtered, ordered and paged in memory with the API toolkit's filter and sort
/// mappings; pages are still keyset pages (strictly after the last item's sort keys), so concurrent
/// inserts neither shift nor repeat items.
/// </summary>
internal sealed class AgencyListing(IProvinceDbContextFactory databases, PageTokens pageTokens)
{
    private static readonly FilterMapping<AgencyRow> Filter = new FilterMapping<AgencyRow>(FilterSchemas.ListAgencies)
        .Map("kind", r => r.Kind, number => (int)number == 0 ? null : (object)(AgencyKind)(int)number)
        .Map("state", r => r.State)
        .Map("display_name", r => r.FoldedName)
        .Map("name_history.display_name", r => r.FoldedNames)
        .Map("merged_into", r => r.MergedInto)
        .EnsureComplete();

    private static readonly SortMapping<AgencyRow> Sort = new SortMapping<AgencyRow>(SortSchemas.ListAgencies)
        .Map("display_name", r => r.FoldedName)
        .Map("name", r => r.ResourceId)
        .Map("kind", r => r.Kind)
        .Map("create_time", r => r.CreateTicks)
        .Map("update_time", r => r.UpdateTicks)
        .MapName(r => r.ResourceId)
        .EnsureComplete();

    public async Task<ListAgenciesResponse> ListAsync(ListAgenciesRequest request, string provinceId, CancellationToken cancellationToken)
    {
        ProvinceName.Parse(request.Parent, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var predicate = Filter.ToPredicate(FilterSchemas.ListAgencies.Bind(request.Filter)).Compile();
        var order = SortSchemas.ListAgencies.Parse(request.OrderBy);
        var parameters = new ListParameters(nameof(AgencyService.AgencyServiceBase.ListAgencies), request.Parent, request.Filter, request.OrderBy, request.ShowDeleted);
        var after = pageTokens.Read(request.PageToken, parameters);

        await using var db = await databases.CreateAsync(provinceId, cancellationToken);
        IQueryable<DomainAgency> source = db.Agencies;
        if (!request.ShowDeleted)
        {
            source = source.NotDeleted();
        }

        var stored = await source.Stamped().ToListAsync(cancellationToken);
        var agencies = await AgencyDirectory.LoadAsync(db, cancellationToken);
        var rows = stored.Select(s => AgencyRow.Of(s.Resource, s.Stamp, agencies)).Where(predicate).ToList();
        var page = Sort.Apply(rows.AsQueryable(), order, after).Take(pageSize + 1).ToList();

        var response = new ListAgenciesResponse { TotalSize = rows.Count };
        if (page.Count > pageSize)
        {
            page.RemoveAt(pageSize);
            response.NextPageToken = pageTokens.Create(parameters, Sort.PositionOf(page[^1], order));
        }

        response.Agencies.AddRange(page.Select(r => AgencyMapping.ToResource(r.Agency, r.Stamp, provinceId, r.MergedInto)));
        return response;
    }

    /// <summary>An agency as the filter and order see it: folded names, the contract's state, the merger by name.</summary>
    private sealed record AgencyRow(DomainAgency Agency, ResourceStamp Stamp, string MergedInto)
    {
        public string ResourceId => Stamp.ResourceId;

        public AgencyKind Kind => Agency.Kind;

        public int State => (int)(Agency.IsActive ? Contracts.V1.Agency.Types.State.Active : Contracts.V1.Agency.Types.State.Merged);

        public string FoldedName { get; } = VietnameseText.NormalizeForSearch(Agency.Name);

        public IReadOnlyList<string> FoldedNames { get; } = [.. Agency.Names.Select(n => VietnameseText.NormalizeForSearch(n.Name))];

        public long CreateTicks => Stamp.CreateTime.UtcTicks;

        public long UpdateTicks => Stamp.UpdateTime.UtcTicks;

        public static AgencyRow Of(DomainAgency agency, ResourceStamp stamp, AgencyDirectory agencies)
            => new(agency, stamp, agency.MergedIntoId is { } target ? agencies.NameOf(target) : "");
    }
}
