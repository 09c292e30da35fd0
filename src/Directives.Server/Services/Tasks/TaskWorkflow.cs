using Directives.Contracts.V1;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The workflow methods: CompleteTask, ReopenTask, CancelTask and ExtendTaskDeadline. The domain decides
/// which transitions are allowed (FAILED_PRECONDITION otherwise); here are the checks that need the
/// database or the caller: open sub-tasks, who may complete, the etag.
/// </summary>
internal sealed class TaskWorkflow(TaskWorkspaces workspaces)
{
    // The domain names the approval instant as it models it; the request calls it approve_time.
    private static readonly Dictionary<string, string> ExtensionFields = new(StringComparer.Ordinal) { [TaskFields.ApprovedAt] = "approve_time" };

    public async Task<TaskResource> CompleteAsync(CompleteTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        var agencies = await work.AgenciesAsync(cancellationToken);
        if (!work.Tenant.Tasks.CanComplete(agencies.NameOf(task.LeadAgencyId)))
        {
            // An officer of a cooperating agency sees the task, but only the lead agency answers for it.
            throw ApiErrors.AgencyNotAssigned(work.Tenant.Caller.Agency ?? "");
        }

        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(request.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));
        var violations = new RequestViolations();
        var completedAt = TaskChecks.PastInstant(request.CompleteTime, "complete_time", work.Now, violations);
        InputViolations.ThrowIfAny(violations);
        if (task.IsOpen && await SiblingTasks.HasOpenDescendantsAsync(work, task.DirectiveId, task.Number, cancellationToken))
        {
            throw ApiErrors.HasDependents(
                TaskPresenter.NameOf(work.ProvinceId, stamp),
                $"Task {task.Number} has sub-tasks that are NOT_STARTED or IN_PROGRESS; complete or cancel them first.");
        }

        return await TransitionAsync(work, task, stamp, TaskMethods.CompleteTask, request.ValidateOnly, () => task.Complete(completedAt), cancellationToken);
    }

    public async Task<TaskResource> ReopenAsync(ReopenTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(request.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));
        return await TransitionAsync(work, task, stamp, TaskMethods.ReopenTask, request.ValidateOnly, task.Reopen, cancellationToken);
    }

    public async Task<TaskResource> CancelAsync(CancelTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(request.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));
        var reason = InputText.Nfc(request.Reason);
        return await TransitionAsync(work, task, stamp, TaskMethods.CancelTask, request.ValidateOnly, () => task.Cancel(reason), cancellationToken);
    }

    public async Task<TaskResource> ExtendDeadlineAsync(ExtendTaskDeadlineRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        var idempotency = IdempotentCreate<TaskResource>.For(request, request.RequestId, TaskMethods.ExtendTaskDeadline);
        await using var work = await workspaces.OpenAsync(cancellationToken);
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(work.Db, work.Now, cancellationToken) is { } first)
        {
            return first;
        }

        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(request.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));

        var violations = new RequestViolations();
        var newDeadline = DeadlineMapping.FromContract(request.NewDeadline, TaskFields.NewDeadline, violations);
        // Extensions are kept as JSON inside the task, where PostgreSQL keeps microseconds: the response must not show more.
        var approvedAt = TaskChecks.PastInstant(request.ApproveTime, "approve_time", work.Now, violations);
        approvedAt = approvedAt.AddTicks(-(approvedAt.Ticks % TimeSpan.TicksPerMicrosecond));
        var details = new DeadlineExtensionDetails
        {
            // A deadline the request did not spell readably is reported above; the domain still checks the rest.
            NewDeadline = newDeadline ?? Domain.Tasks.Deadline.OnDate(DateOnly.MaxValue),
            Reason = InputText.Nfc(request.Reason),
            ApprovingDecision = InputText.Nfc(request.ApprovingDecision),
            ApprovedAt = approvedAt,
            ApprovedBy = InputText.Nfc(request.ApprovedBy),
        };

        var taskName = TaskPresenter.NameOf(work.ProvinceId, stamp);
        var extended = await TransitionAsync(
            work,
            task,
            stamp,
            TaskMethods.ExtendTaskDeadline,
            request.ValidateOnly,
            () => InputViolations.Check(violations, () => task.ExtendDeadline(details), ExtensionFields),
            cancellationToken,
            idempotency,
            presenter => presenter.Relations.AddPendingExtension(taskName, new ExtensionRecord(ActorMapping.ToChangeActor(work.Tenant.Caller), work.Now)));
        return extended;
    }

    /// <summary>
    /// One workflow step on a tracked task: the stored fields before, the domain's change, a new etag,
    /// the change log entry, then one save; with <c>validate_only</c>, the task as it would be, unsaved.
    /// </summary>
    private async Task<TaskResource> TransitionAsync(
        TaskWorkspace work,
        DirectiveTask task,
        ResourceStamp stamp,
        string method,
        bool validateOnly,
        Action change,
        CancellationToken cancellationToken,
        IdempotentCreate<TaskResource>? idempotency = null,
        Action<TaskPresenter>? afterChange = null)
    {
        var presenter = await work.PresenterAsync([(task, stamp)], cancellationToken);
        var before = presenter.ToResource(task, stamp, clock: null);
        change();
        afterChange?.Invoke(presenter);
        if (validateOnly)
        {
            return presenter.ToResource(task, stamp, work.Clock);
        }

        var after = presenter.ToResource(task, work.Db.Resource(task).Touch(work.Now), work.Clock);
        work.Record(ChangeKind.Updated, method, idempotency?.RequestId, before, after);
        idempotency?.Remember(work.Db, after.Name, after, work.Now);
        try
        {
            await work.SaveAsync(cancellationToken);
        }
        catch (DuplicateKeyException duplicate) when (duplicate.Key == UniqueKey.RequestId && idempotency is not null)
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

        return after;
    }
}
