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
internal sealed class DirectiveListing(IProvinceDbContextFactory databases, PageTokens tokens, ProvinceFanOut fanOut)
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
        var after = tokens.ReadCursor(pageToken, parameters);
        var page = await ReadPageAsync(provinceId, query, after, pageSize, cancellationToken);
        var response = new ListDirectivesResponse
        {
            NextPageToken = tokens.NextToken(page.Next, parameters),
            TotalSize = page.Total,
        };
        response.Directives.AddRange(page.Items);
        return response;
    }

    private async Task<ListDirectivesResponse> ListAcrossProvincesAsync(
        ListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var page = await fanOut.ListPageAsync(
            tokens,
            (province, after, size, token) => ReadPageAsync(province.Id, query, after, size, token),
            pageSize,
            pageToken,
            parameters,
            cancellationToken);
        var response = new ListDirectivesResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Directives.AddRange(page.Items);
        response.Unreachable.AddRange(page.Unreachable);
        return response;
    }

    private async Task<ProvincePage<Directive>> ReadPageAsync(string provinceId, ListQuery query, PageCursor? after, int pageSize, CancellationToken cancellationToken)
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
            return new ProvincePage<Directive>([], null, total);
        }

        var page = await source.ListPageAsync(query.Order, query.Descending, after, pageSize, cancellationToken);
        var relations = await DirectiveRelations.LoadAsync(db, [.. page.Items.Select(i => i.Resource)], cancellationToken);
        var items = page.Items.Select(i => DirectiveMapping.ToResource(i.Resource, i.Stamp, provinceId, relations)).ToList();
        return new ProvincePage<Directive>(items, page.Next, total);
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

}
