using Directives.Contracts.V1;
using Directives.Server.Tenancy;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>
/// Test-only implementations of a few directives.v1 methods over the real contract types: each records
/// the resolved tenant and answers with it, so a test sees which province a call was served for.
/// </summary>
internal sealed class EchoDirectiveService(ITenantContext tenant, ServiceCallLog log) : DirectiveService.DirectiveServiceBase
{
    public override Task<Directive> GetDirective(GetDirectiveRequest request, ServerCallContext context)
    {
        log.Record(nameof(GetDirective), tenant);
        return Task.FromResult(new Directive { Name = $"provinces/{tenant.ProvinceId}/directives/echo" });
    }

    public override Task<ListDirectivesResponse> ListDirectives(ListDirectivesRequest request, ServerCallContext context)
    {
        log.Record(nameof(ListDirectives), tenant);
        var response = new ListDirectivesResponse();
        response.Directives.Add(new Directive { Name = tenant.Scope == TenantScope.AllProvinces ? "provinces/-/directives/echo" : $"provinces/{tenant.ProvinceId}/directives/echo" });
        return Task.FromResult(response);
    }

    public override Task<Directive> CreateDirective(CreateDirectiveRequest request, ServerCallContext context)
    {
        log.Record(nameof(CreateDirective), tenant);
        return Task.FromResult(new Directive { Name = $"provinces/{tenant.ProvinceId}/directives/{request.DirectiveId}" });
    }
}

internal sealed class EchoTaskService(ITenantContext tenant, ServiceCallLog log) : TaskService.TaskServiceBase
{
    public override Task<Contracts.V1.Task> CompleteTask(CompleteTaskRequest request, ServerCallContext context)
    {
        log.Record(nameof(CompleteTask), tenant);
        return Task.FromResult(new Contracts.V1.Task { Name = request.Name });
    }

    public override Task<Contracts.V1.Task> CreateTask(CreateTaskRequest request, ServerCallContext context)
    {
        log.Record(nameof(CreateTask), tenant);
        return Task.FromResult(new Contracts.V1.Task { Name = request.Parent + "/tasks/1" });
    }
}

internal sealed class EchoMinistryService(ITenantContext tenant, ServiceCallLog log) : MinistryService.MinistryServiceBase
{
    public override Task<SummarizeTasksResponse> SummarizeTasks(SummarizeTasksRequest request, ServerCallContext context)
    {
        log.Record(nameof(SummarizeTasks), tenant);
        return Task.FromResult(new SummarizeTasksResponse());
    }
}

internal sealed class EchoChangeFeedService(ITenantContext tenant, ServiceCallLog log) : ChangeFeedService.ChangeFeedServiceBase
{
    public override async Task WatchTasks(WatchTasksRequest request, IServerStreamWriter<WatchTasksResponse> responseStream, ServerCallContext context)
    {
        log.Record(nameof(WatchTasks), tenant);
        await responseStream.WriteAsync(new WatchTasksResponse { Heartbeat = new Heartbeat { ResumeToken = tenant.Scope.ToString() } });
    }
}
