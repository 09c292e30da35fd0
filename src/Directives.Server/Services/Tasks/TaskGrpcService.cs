using Directives.Contracts.V1;
using Directives.Data;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// directives.v1.TaskService: the tasks of directives, their workflow, deadline extensions and progress
/// reports. Tenant resolution has run before any method (the province is the resolved tenant's, the
/// method's roles are checked); each method here adds the rules of its own resource, and throws the
/// domain's, the Data layer's or the API toolkit's exceptions, which the API error interceptor maps.
/// </summary>
internal sealed class TaskGrpcService : TaskService.TaskServiceBase
{
    private readonly TaskReader _reader;
    private readonly TaskLister _lister;
    private readonly TaskWriter _writer;
    private readonly TaskWorkflow _workflow;
    private readonly ReportWriter _reports;
    private readonly ReportLister _reportLister;
    private readonly TaskHistoryLister _history;

    public TaskGrpcService(
        ITenantContext tenant,
        IProvinceDbContextFactory databases,
        TimeProvider time,
        PageTokens tokens,
        ProvinceFanOut fanOut,
        HistoryPages history,
        IProvinceRegistry registry)
    {
        // One call's parts share its workspaces: the tenant's province and the call's instant.
        var workspaces = new TaskWorkspaces(databases, tenant, time);
        _reader = new TaskReader(workspaces);
        _lister = new TaskLister(workspaces, tokens, fanOut);
        _writer = new TaskWriter(workspaces);
        _workflow = new TaskWorkflow(workspaces);
        _reports = new ReportWriter(workspaces);
        _reportLister = new ReportLister(workspaces, tokens, fanOut, registry);
        _history = new TaskHistoryLister(workspaces, history);
    }

    public override Task<TaskResource> GetTask(GetTaskRequest request, ServerCallContext context)
        => _reader.GetTaskAsync(request, context.CancellationToken);

    public override Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context)
        => _lister.ListAsync(request, context.CancellationToken);

    public override Task<TaskResource> CreateTask(CreateTaskRequest request, ServerCallContext context)
        => _writer.CreateAsync(request, context.CancellationToken);

    public override Task<TaskResource> UpdateTask(UpdateTaskRequest request, ServerCallContext context)
        => _writer.UpdateAsync(request, context.CancellationToken);

    public override Task<TaskResource> DeleteTask(DeleteTaskRequest request, ServerCallContext context)
        => _writer.DeleteAsync(request, context.CancellationToken);

    public override Task<TaskResource> UndeleteTask(UndeleteTaskRequest request, ServerCallContext context)
        => _writer.UndeleteAsync(request, context.CancellationToken);

    public override Task<TaskResource> CompleteTask(CompleteTaskRequest request, ServerCallContext context)
        => _workflow.CompleteAsync(request, context.CancellationToken);

    public override Task<TaskResource> ReopenTask(ReopenTaskRequest request, ServerCallContext context)
        => _workflow.ReopenAsync(request, context.CancellationToken);

    public override Task<TaskResource> CancelTask(CancelTaskRequest request, ServerCallContext context)
        => _workflow.CancelAsync(request, context.CancellationToken);

    public override Task<TaskResource> ExtendTaskDeadline(ExtendTaskDeadlineRequest request, ServerCallContext context)
        => _workflow.ExtendDeadlineAsync(request, context.CancellationToken);

    public override Task<ProgressReport> ReportProgress(ReportProgressRequest request, ServerCallContext context)
        => _reports.ReportProgressAsync(request, context.CancellationToken);

    public override Task<ProgressReport> GetReport(GetReportRequest request, ServerCallContext context)
        => _reader.GetReportAsync(request, context.CancellationToken);

    public override Task<ListReportsResponse> ListReports(ListReportsRequest request, ServerCallContext context)
        => _reportLister.ListAsync(request, context.CancellationToken);

    public override Task<ListTaskHistoryResponse> ListTaskHistory(ListTaskHistoryRequest request, ServerCallContext context)
        => _history.ListAsync(request, context.CancellationToken);
}
