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

    private async Task<ListTasksResponse> ListAcrossProvincesAsync(
        TaskListQuery query, int pageSize, string pageToken, ListParameters parameters, CancellationToken cancellationToken)
    {
        var page = await fanOut.ListPageAsync(
            tokens,
            (province, after, size, token) => ReadPageAsync(province, query, after, size, token),
            pageSize,
            pageToken,
            parameters,
            cancellationToken);
        var response = new ListTasksResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Tasks.AddRange(page.Items);
        response.Unreachable.AddRange(page.Unreachable);
        return response;
    }

    /// <summary>One province's page after <paramref name="after"/>, and how many tasks match there; a page size of 0 counts only.</summary>
    private async Task<ProvincePage<TaskResource>> ReadPageAsync(ProvinceRecord province, TaskListQuery query, PageCursor? after, int pageSize, CancellationToken cancellationToken)
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
            return new ProvincePage<TaskResource>([], null, total);
        }

        var page = await tasks.ListPageAsync(query.Order, query.Descending, after, pageSize, cancellationToken);
        var items = page.Items.Select(i => (i.Resource, i.Stamp)).ToList();
        var presenter = await work.PresenterAsync(items, cancellationToken);
        return new ProvincePage<TaskResource>([.. items.Select(i => presenter.ToResource(i.Resource, i.Stamp, work.Clock))], page.Next, total);
    }

}
