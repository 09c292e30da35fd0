using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainDirective = Directives.Domain.Directives.Directive;

namespace Directives.Server.Services.Directives;

/// <summary>
/// ListDirectives: a province's directives, or every readable province's for the ministry
/// (<c>provinces/-</c>, the province first in the order). Pages are keyset pages of the Data layer, so
/// concurrent inserts neither shift nor repeat items; their cursors travel in signed page tokens.
/// </summary>
internal sealed class DirectiveListing(IProvinceDbContextFactory databases, PageTokens pageTokens, ProvinceFanOut fanOut)
{
    private const int QueryMaxLength = 500;

    public async Task<ListDirectivesResponse> ListAsync(ListDirectivesRequest request, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var parent = ProvinceName.Parse(request.Parent, "parent", NameWildcards.AcrossProvinces);
        var pageSize = PageSize.Resolve(request.PageSize);
        var filter = FilterSchemas.ListDirectives.Bind(request.Filter);
        var (order, descending) = OrderOf(request.OrderBy);
        if (request.Query.Length > QueryMaxLength)
        {
            throw ApiErrors.InvalidField("query", $"is longer than {QueryMaxLength} characters ({request.Query.Length})");
        }

        var parameters = new ListParameters(nameof(DirectiveService.DirectiveServiceBase.ListDirectives), request.Parent, request.Filter, request.OrderBy, request.ShowDeleted, request.Query);
        var query = new ListQuery(filter, order, descending, request.ShowDeleted, request.Query);
        return parent.IsAcrossProvinces
            ? await ListAcrossProvincesAsync(query, pageSize, request.PageToken, parameters, cancellationToken)
            : await ListProvinceAsync(tenant.ProvinceId, query, pageSize, request.PageToken, parameters, cancellationToken);
    }

    private async Task<ListDirectivesResponse> ListProvinceAsync(
        string provinceId, ListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var after = pageTokens.ReadCursor(pageToken, parameters);
        var page = await ReadPageAsync(provinceId, query, after, pageSize, cancellationToken);
        var response = new ListDirectivesResponse
        {
            NextPageToken = pageTokens.NextToken(page.Next, parameters),
            TotalSize = page.Total,
        };
        response.Directives.AddRange(page.Items);
        return response;
    }

    // Every province after the token's is asked for a full page, in parallel; the pages are laid end to
    // end in province order and cut to size (the province cut is read again for its cursor there).
    // Provinces before the token's are counted only, for total_size.
    private async Task<ListDirectivesResponse> ListAcrossProvincesAsync(
        ListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var position = pageTokens.ReadProvinceCursor(pageToken, parameters);
        var pages = await fanOut.ReadAsync(
            (province, token) => position is { } at && string.CompareOrdinal(province.Id, at.Province) < 0
                ? ReadPageAsync(province.Id, query, after: null, pageSize: 0, token)
                : ReadPageAsync(province.Id, query, province.Id == position?.Province ? position.Value.Cursor : null, pageSize, token),
            cancellationToken);

        var response = new ListDirectivesResponse();
        response.Unreachable.AddRange(pages.Unreachable);
        string? next = null;
        foreach (var (province, page) in pages.Reached)
        {
            response.TotalSize += page.Total;
            if (next is not null || page.Items.Count == 0)
            {
                continue;
            }

            var room = pageSize - response.Directives.Count;
            if (room == 0)
            {
                next = pageTokens.NextProvinceToken(province.Id, null, parameters);
            }
            else if (page.Items.Count > room)
            {
                var after = province.Id == position?.Province ? position.Value.Cursor : null;
                var cut = await ReadPageAsync(province.Id, query, after, room, cancellationToken);
                response.Directives.AddRange(cut.Items);
                next = pageTokens.NextProvinceToken(province.Id, cut.Next, parameters);
            }
            else
            {
                response.Directives.AddRange(page.Items);
                if (page.Next is not null)
                {
                    next = pageTokens.NextProvinceToken(province.Id, page.Next, parameters);
                }
            }
        }

        response.NextPageToken = next ?? "";
        return response;
    }

    private async Task<ProvincePage> ReadPageAsync(string provinceId, ListQuery query, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(provinceId, cancellationToken);
        IQueryable<DomainDirective> source = db.Directives;
        if (!query.ShowDeleted)
        {
            source = source.NotDeleted();
        }

        source = source.Where(DirectiveFilterMapping.For(db).ToPredicate(query.Filter));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            source = source.Where(DirectiveFilters.QueryMatches(query.Text));
        }

        var total = await source.CountAsync(cancellationToken);
        if (pageSize == 0)
        {
            return new ProvincePage([], null, total);
        }

        var page = await source.ListPageAsync(query.Order, query.Descending, after, pageSize, cancellationToken);
        var relations = await DirectiveRelations.LoadAsync(db, [.. page.Items.Select(i => i.Resource)], cancellationToken);
        var items = page.Items.Select(i => DirectiveMapping.ToResource(i.Resource, i.Stamp, provinceId, relations)).ToList();
        return new ProvincePage(items, page.Next, total);
    }

    // The Data layer's keyset orders by one field (then the resource id); order_by names one field.
    private static (DirectiveOrder Order, bool Descending) OrderOf(string orderBy)
    {
        var order = SortSchemas.ListDirectives.Parse(orderBy);
        if (order.Keys.Count > 1)
        {
            throw ApiErrors.InvalidOrderBy("orders by one field (the resource name always breaks ties)", SortSchemas.ListDirectives.Fields);
        }

        var key = order.Keys[0];
        return (key.Field switch
        {
            "issue_date" => DirectiveOrder.IssueDate,
            "number_and_symbol" => DirectiveOrder.NumberAndSymbol,
            "subject" => DirectiveOrder.Subject,
            "create_time" => DirectiveOrder.CreateTime,
            "update_time" => DirectiveOrder.UpdateTime,
            _ => throw ApiErrors.InvalidOrderBy($"cannot order by \"{key.Field}\"", SortSchemas.ListDirectives.Fields),
        }, key.Descending);
    }

    private sealed record ListQuery(BoundFilter Filter, DirectiveOrder Order, bool Descending, bool ShowDeleted, string Text);

    private sealed record ProvincePage(IReadOnlyList<Directive> Items, PageCursor? Next, int Total);
}
