using Directives.Contracts.V1;
using Directives.Data.Changes;
using Directives.Server.Services.Common;
using Google.Protobuf.WellKnownTypes;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// ListTaskHistory: the change log's entries of one task (the audit trail of every mutation, written in
/// the mutation's own transaction), newest first unless asked otherwise, paged as every history method is.
/// </summary>
internal sealed class TaskHistoryLister(TaskWorkspaces workspaces, HistoryPages pages)
{
    public async Task<ListTaskHistoryResponse> ListAsync(ListTaskHistoryRequest request, CancellationToken cancellationToken)
    {
        var name = Api.TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (_, stamp) = await work.FindTaskAsync(name, forUpdate: false, cancellationToken);
        var query = new HistoryQuery(
            nameof(TaskService.TaskServiceBase.ListTaskHistory),
            TaskPresenter.NameOf(work.ProvinceId, stamp),
            request.PageSize,
            request.PageToken,
            request.Filter,
            request.OrderBy);
        var page = await pages.ListAsync(work.Db, query, cancellationToken);
        var response = new ListTaskHistoryResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Records.Select(ToContract));
        return response;
    }

    private static TaskHistoryEntry ToContract(ChangeRecord record) => new()
    {
        RevisionId = record.Etag ?? "",
        CommitTime = Timestamp.FromDateTimeOffset(record.CommitTime),
        Actor = ActorMapping.ToContract(record.Actor),
        Method = record.Method,
        RequestId = record.RequestId ?? "",
        Before = record.Before is { } before ? TaskResource.Parser.ParseFrom(before) : null,
        After = record.After is { } after ? TaskResource.Parser.ParseFrom(after) : null,
    };
}
