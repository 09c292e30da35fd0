using Directives.Contracts.V1;
using Directives.Data.Queries;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// ListTasks: one directive's tasks, a province's (<c>provinces/{p}/directives/-</c>), or every readable
/// province's (<c>provinces/-/directives/-</c>, ministry only, the province first in the order). Pages
/// are keyset pages of the Data layer, so concurrent inserts neither shift nor repeat items; their
/// cursors travel in signed page tokens. Officers see only their agency's tasks.
/// </summary>
internal sealed class TaskLister(TaskWorkspaces workspaces, PageTokens tokens, ProvinceFanOut fanOut)
{
    public async Task<ListTasksResponse> ListAsync(ListTasksRequest request, CancellationToken cancellationToken)
    {
        var parent = DirectiveName.Parse(request.Parent, "parent", NameWildcards.AcrossProvinces);
        var pageSize = PageSize.Resolve(request.PageSize);
        var filter = FilterSchemas.ListTasks.Bind(request.Filter);
        var (order, descending) = TaskOrdering.Parse(request.OrderBy);
        var query = new TaskListQuery(parent, filter, order, descending, request.ShowDeleted);
        var parameters = new ListParameters(nameof(TaskService.TaskServiceBase.ListTasks), request.Parent, request.Filter, request.OrderBy, request.ShowDeleted);
        return parent.IsAcrossProvinces
            ? await ListAcrossProvincesAsync(query, pageSize, request.PageToken, parameters, cancellationToken)
            : await ListProvinceAsync(query, pageSize, request.PageToken, parameters, cancellationToken);
    }

    private async Task<ListTasksResponse> ListProvinceAsync(
        TaskListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var after = tokens.ReadCursor(pageToken, parameters);
        var province = workspaces.Tenant.Province ?? throw new InvalidOperationException("This call is not on one province.");
        var page = await ReadPageAsync(province, query, after, pageSize, cancellationToken);
        var response = new ListTasksResponse
        {
            NextPageToken = tokens.NextToken(page.Next, parameters),
            TotalSize = page.Total,
        };
        response.Tasks.AddRange(page.Items);
        return response;
    }

    // As ListDirectives: every province from the token's on is asked for a full page, in parallel; the
    // pages are laid end to end in province order and cut to size (the province cut is read again for
    // its cursor there). Provinces before the token's are counted only, for total_size.
    private async Task<ListTasksResponse> ListAcrossProvincesAsync(
        TaskListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var position = tokens.ReadProvinceCursor(pageToken, parameters);
        var pages = await fanOut.ReadAsync(
            (province, token) => position is { } at && string.CompareOrdinal(province.Id, at.Province) < 0
                ? ReadPageAsync(province, query, after: null, pageSize: 0, token)
                : ReadPageAsync(province, query, province.Id == position?.Province ? position.Value.Cursor : null, pageSize, token),
            cancellationToken);

        var response = new ListTasksResponse();
        response.Unreachable.AddRange(pages.Unreachable);
        string? next = null;
        foreach (var (province, page) in pages.Reached)
        {
            response.TotalSize += page.Total;
            if (next is not null || page.Items.Count == 0)
            {
                continue;
            }

            var room = pageSize - response.Tasks.Count;
            if (room == 0)
            {
                next = tokens.NextProvinceToken(province.Id, null, parameters);
            }
            else if (page.Items.Count > room)
            {
                var after = province.Id == position?.Province ? position.Value.Cursor : null;
                var cut = await ReadPageAsync(province, query, after, room, cancellationToken);
                response.Tasks.AddRange(cut.Items);
                next = tokens.NextProvinceToken(province.Id, cut.Next, parameters);
            }
            else
            {
                response.Tasks.AddRange(page.Items);
                if (page.Next is not null)
                {
                    next = tokens.NextProvinceToken(province.Id, page.Next, parameters);
                }
            }
        }

        response.NextPageToken = next ?? "";
        return response;
    }

    /// <summary>One province's page after <paramref name="after"/>, and how many tasks match there; a page size of 0 counts only.</summary>
    private async Task<ProvincePage> ReadPageAsync(ProvinceRecord province, TaskListQuery query, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        await using var work = await workspaces.OpenAsync(province, cancellationToken);
        if (!query.Parent.HasWildcard)
        {
            await DirectiveLookup.FindAsync(work, query.Parent.Directive, cancellationToken);
        }

        var tasks = await query.BuildAsync(work, cancellationToken);
        var total = await tasks.CountAsync(cancellationToken);
        if (pageSize == 0)
        {
            return new ProvincePage([], null, total);
        }

        var page = await tasks.ListPageAsync(query.Order, query.Descending, after, pageSize, cancellationToken);
        var items = page.Items.Select(i => (i.Resource, i.Stamp)).ToList();
        var presenter = await work.PresenterAsync(items, cancellationToken);
        return new ProvincePage([.. items.Select(i => presenter.ToResource(i.Resource, i.Stamp, work.Clock))], page.Next, total);
    }

    private sealed record ProvincePage(IReadOnlyList<TaskResource> Items, PageCursor? Next, int Total);
}
