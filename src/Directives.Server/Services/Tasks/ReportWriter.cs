using Directives.Contracts.V1;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// ReportProgress: files one agency's report on a task. The report is a record of the task (the domain
/// owns it), so filing it changes the task too — its progress, its targets' outcomes, maybe its state —
/// and is recorded in the task's history like any other mutation.
/// </summary>
internal sealed class ReportWriter(TaskWorkspaces workspaces)
{
    public async Task<ProgressReport> ReportProgressAsync(ReportProgressRequest request, CancellationToken cancellationToken)
    {
        var taskName = TaskName.Parse(request.Parent, "parent");
        var idempotency = IdempotentCreate<ProgressReport>.For(request, request.RequestId, TaskMethods.ReportProgress);
        await using var work = await workspaces.OpenAsync(cancellationToken);
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(work.Db, work.Now, cancellationToken) is { } first)
        {
            return first;
        }

        var (task, stamp) = await work.FindTaskAsync(taskName, forUpdate: true, cancellationToken);
        var report = request.Report ?? throw new DomainValidationException("report", "is required");
        if (!work.Tenant.Tasks.CanReportFor(report.Agency))
        {
            // An officer files for their own agency only; the secretariat files for any agency of the task.
            throw ApiErrors.AgencyNotAssigned(report.Agency);
        }

        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        var presenter = await work.PresenterAsync([(task, stamp)], cancellationToken);
        var before = presenter.ToResource(task, stamp, clock: null);
        var violations = new RequestViolations();
        var details = ReportMapping.FromContract(report, task, SubmitterText.Format(work.Tenant.Caller), presenter.Agencies, violations);
        var filed = InputViolations.Check(violations, () => task.SubmitReport(Guid.NewGuid(), details, work.Now));
        var name = new TaskName(work.ProvinceId, taskName.Directive, taskName.Task);
        var response = ReportMapping.ToContract(filed, name, presenter.Agencies);
        if (request.ValidateOnly)
        {
            return response;
        }

        var after = presenter.ToResource(task, work.Db.Resource(task).Touch(work.Now), work.Clock);
        work.Record(ChangeKind.Updated, TaskMethods.ReportProgress, idempotency.RequestId, before, after);
        idempotency.Remember(work.Db, response.Name, response, work.Now);
        try
        {
            await work.SaveAsync(cancellationToken);
        }
        catch (DuplicateKeyException duplicate) when (duplicate.Key == UniqueKey.RequestId)
        {
            // A concurrent call with the same request_id committed first: answer as its retry.
            await using var retry = await workspaces.OpenAsync(cancellationToken);
            var firstResult = await idempotency.FindFirstResultAsync(retry.Db, retry.Now, cancellationToken);
            if (firstResult is null)
            {
                throw;
            }

            return firstResult;
        }

        return response;
    }
}
