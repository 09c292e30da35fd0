using Directives.Contracts.V1;
using Directives.Data.Resources;
using Directives.Server.Api;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>GetTask and GetReport: one resource, also of a soft-deleted task, if the caller may see its task.</summary>
internal sealed class TaskReader(TaskWorkspaces workspaces)
{
    public async Task<TaskResource> GetTaskAsync(GetTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: false, cancellationToken);
        return await work.PresentAsync(task, stamp, cancellationToken);
    }

    public async Task<ProgressReport> GetReportAsync(GetReportRequest request, CancellationToken cancellationToken)
    {
        var name = ReportName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, _) = await work.FindTaskAsync(name.Parent, forUpdate: false, cancellationToken);
        var report = ResourceIds.TryGetGuid(name.Report, out var reportId) ? task.Reports.FirstOrDefault(r => r.Id == reportId) : null;
        if (report is null)
        {
            throw ApiErrors.NotFound(ReportName.Pattern.Format(work.ProvinceId, name.Directive, name.Task, name.Report));
        }

        var agencies = await work.AgenciesAsync(cancellationToken);
        return ReportMapping.ToContract(report, new TaskName(work.ProvinceId, name.Directive, name.Task), agencies);
    }
}
