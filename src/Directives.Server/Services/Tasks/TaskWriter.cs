using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// CreateTask, UpdateTask, DeleteTask and UndeleteTask. Each validates the whole request (every
/// violation at once), checks the etag and the references, then writes the task and its change log
/// entry (and the request_id record of a Create) in one transaction; <c>validate_only</c> stops before
/// writing.
/// </summary>
internal sealed class TaskWriter(TaskWorkspaces workspaces)
{
    public Task<TaskResource> CreateAsync(CreateTaskRequest request, CancellationToken cancellationToken)
        => CreateAsync(request, TaskMethods.CreateTask, cancellationToken);

    /// <param name="request">The task to create.</param>
    /// <param name="method">The method the history records: CreateTask, or UpdateTask with <c>allow_missing</c>.</param>
    /// <param name="cancellationToken">The call's token.</param>
    private async Task<TaskResource> CreateAsync(CreateTaskRequest request, string method, CancellationToken cancellationToken)
    {
        var parent = DirectiveName.Parse(request.Parent, "parent");
        var idempotency = IdempotentCreate<TaskResource>.For(request, request.RequestId, method);
        try
        {
            return await CreateOnceAsync(request, parent, idempotency, method, cancellationToken);
        }
        catch (Exception exception) when (!request.ValidateOnly && idempotency.MayHaveLostTheRaceWith(exception))
        {
            // A concurrent call with the same request_id committed first: its task holds the number.
            await using var retry = await workspaces.OpenAsync(cancellationToken);
            if (await idempotency.FindFirstResultAsync(retry.Db, retry.Now, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private async Task<TaskResource> CreateOnceAsync(
        CreateTaskRequest request, DirectiveName parent, IdempotentCreate<TaskResource> idempotency, string method, CancellationToken cancellationToken)
    {
        await using var work = await workspaces.OpenAsync(cancellationToken);
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(work.Db, work.Now, cancellationToken) is { } first)
        {
            return first;
        }

        var violations = new RequestViolations();
        var taskId = request.TaskId;
        if (taskId.Length == 0)
        {
            taskId = ResourceIds.New();
        }
        else if (!ResourceId.IsValid(taskId))
        {
            violations.Add("task_id", $"\"{taskId}\" is not a task ID: use {ResourceId.Rule}");
        }

        if (request.Task is null)
        {
            violations.Add("task", "is required");
            InputViolations.ThrowIfAny(violations);
        }

        var directive = await DirectiveLookup.FindAsync(work, parent.Directive, cancellationToken);
        directive.EnsureAcceptsTasks(work.ProvinceId);
        var task = await BuildAsync(work, request.Task!, directive, violations, cancellationToken);
        await SiblingTasks.EnsureNumberFreeAsync(work, directive.Id, task.Number, except: null, cancellationToken);
        var name = TaskName.Pattern.Format(work.ProvinceId, directive.ResourceId, taskId);
        if (await work.Db.Tasks.WithTaskName(directive.ResourceId, taskId).AnyAsync(cancellationToken))
        {
            throw ApiErrors.AlreadyExists(name);
        }

        if (request.ValidateOnly)
        {
            var unsaved = new ResourceStamp(taskId, directive.ResourceId, "", work.Now, work.Now, null, null);
            return await work.PresentAsync(task, unsaved, cancellationToken);
        }

        var stamp = work.Db.AddTask(task, directive.ResourceId, taskId, work.Now);
        var created = await work.PresentAsync(task, stamp, cancellationToken);
        work.Record(ChangeKind.Created, method, idempotency.RequestId, before: null, after: created);
        idempotency.Remember(work.Db, name, created, work.Now);
        try
        {
            await work.SaveAsync(cancellationToken);
        }
        catch (DuplicateKeyException duplicate) when (duplicate.Key is UniqueKey.ResourceId && idempotency.RequestId is null)
        {
            throw ApiErrors.AlreadyExists(name);
        }

        return created;
    }

    public async Task<TaskResource> UpdateAsync(UpdateTaskRequest request, CancellationToken cancellationToken)
    {
        var requested = request.Task ?? throw new DomainValidationException("task", "is required");
        var name = TaskName.Parse(requested.Name, "task.name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        if (request.AllowMissing && !await work.Db.Tasks.WithTaskName(name.Directive, name.Task).AnyAsync(cancellationToken))
        {
            await work.DisposeAsync();
            return await CreateAsync(
                new CreateTaskRequest { Parent = name.Parent.ToString(), Task = requested, TaskId = name.Task, ValidateOnly = request.ValidateOnly },
                TaskMethods.UpdateTask,
                cancellationToken);
        }

        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        var entry = work.Db.Resource(task);
        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(requested.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));
        var directive = await DirectiveLookup.FindAsync(work, name.Directive, cancellationToken);
        directive.EnsureAcceptsTasks(work.ProvinceId);

        var presenter = await work.PresenterAsync([(task, stamp)], cancellationToken);
        var before = presenter.ToResource(task, stamp, clock: null);
        var mask = UpdateMaskPolicies.UpdateTask.Resolve(request.UpdateMask, requested, before);
        var merged = before.Clone();
        mask.ApplyTo(requested, merged);
        await EnsureUpdatableAsync(work, task, before, merged, directive, cancellationToken);

        var violations = new RequestViolations();
        var details = TaskInput.FromContract(merged, task, presenter.Agencies, violations);
        await CheckParentAsync(work, directive, details.Number, violations, cancellationToken);
        InputViolations.Check(violations, () =>
        {
            task.Update(details);
            return true;
        });
        await SiblingTasks.EnsureNumberFreeAsync(work, directive.Id, task.Number, except: task.Id, cancellationToken);
        if (request.ValidateOnly)
        {
            return await work.PresentAsync(task, stamp, cancellationToken);
        }

        var updated = await work.PresentAsync(task, entry.Touch(work.Now), cancellationToken);
        work.Record(ChangeKind.Updated, TaskMethods.UpdateTask, requestId: null, before, updated);
        await work.SaveAsync(cancellationToken);
        return updated;
    }

    public async Task<TaskResource> DeleteAsync(DeleteTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        TaskChecks.EnsureNotDeleted(stamp, work.ProvinceId);
        ETags.EnsureCurrent(request.Etag, stamp.Etag, TaskPresenter.NameOf(work.ProvinceId, stamp));
        var descendants = await SiblingTasks.DescendantsAsync(work, task.DirectiveId, task.Number, deleted: null, cancellationToken);
        if (descendants.Count > 0 && !request.Force)
        {
            throw ApiErrors.HasDependents(
                TaskPresenter.NameOf(work.ProvinceId, stamp),
                $"Task {task.Number} has {descendants.Count} undeleted sub-task(s); delete them first, or delete with force to delete them too.");
        }

        // The sub-tasks share the task's delete time: that is how UndeleteTask knows which to restore with it.
        return await ChangeAllAsync(work, [task, .. descendants], ChangeKind.Deleted, TaskMethods.DeleteTask, request.ValidateOnly,
            (entry, now) => entry.SoftDelete(now), cancellationToken);
    }

    public async Task<TaskResource> UndeleteAsync(UndeleteTaskRequest request, CancellationToken cancellationToken)
    {
        var name = TaskName.Parse(request.Name, "name");
        await using var work = await workspaces.OpenAsync(cancellationToken);
        var (task, stamp) = await work.FindTaskAsync(name, forUpdate: true, cancellationToken);
        var taskName = TaskPresenter.NameOf(work.ProvinceId, stamp);
        if (stamp.DeleteTime is not { } deleted)
        {
            throw ApiErrors.InvalidStateTransition(taskName, "", $"The task {taskName} is not deleted.");
        }

        ETags.EnsureCurrent(request.Etag, stamp.Etag, taskName);
        var directive = await DirectiveLookup.FindAsync(work, name.Directive, cancellationToken);
        if (directive.IsDeleted)
        {
            throw ApiErrors.ParentDeleted(directive.Name(work.ProvinceId));
        }

        if (!await SiblingTasks.HasParentAsync(work, task.DirectiveId, task.Number, cancellationToken))
        {
            throw ApiErrors.ParentDeleted($"{directive.Name(work.ProvinceId)}, task {task.Number.Parent}");
        }

        var restored = await SiblingTasks.DescendantsAsync(work, task.DirectiveId, task.Number, deleted, cancellationToken);
        foreach (var each in restored.Prepend(task))
        {
            await SiblingTasks.EnsureNumberFreeAsync(work, task.DirectiveId, each.Number, except: each.Id, cancellationToken);
        }

        return await ChangeAllAsync(work, [task, .. restored], ChangeKind.Updated, TaskMethods.UndeleteTask, request.ValidateOnly,
            (entry, now) => entry.Undelete(now), cancellationToken);
    }

    /// <summary>The task a Create request describes, checked whole: the request's own form, references, the parent of its number and the domain's rules.</summary>
    private static async Task<DirectiveTask> BuildAsync(
        TaskWorkspace work, TaskResource requested, DirectiveLookup directive, RequestViolations violations, CancellationToken cancellationToken)
    {
        var agencies = await work.AgenciesAsync(cancellationToken);
        var details = TaskInput.FromContract(requested, existing: null, agencies, violations);
        await CheckParentAsync(work, directive, details.Number, violations, cancellationToken);
        return InputViolations.Check(violations, () => DirectiveTask.Create(Guid.NewGuid(), directive.Id, details));
    }

    private static async Task CheckParentAsync(
        TaskWorkspace work, DirectiveLookup directive, string numberText, RequestViolations violations, CancellationToken cancellationToken)
    {
        if (TaskNumber.TryParse(numberText, out var number) && !await SiblingTasks.HasParentAsync(work, directive.Id, number, cancellationToken))
        {
            violations.Add(TaskFields.Number, $"{number} needs its parent task {number.Parent} in the directive, and there is no undeleted task {number.Parent}");
        }
    }

    /// <summary>The rules of UpdateTask that are about the task's state rather than the request's values.</summary>
    private static async Task EnsureUpdatableAsync(
        TaskWorkspace work, DirectiveTask task, TaskResource before, TaskResource merged, DirectiveLookup directive, CancellationToken cancellationToken)
    {
        var name = before.Name;
        if (!Equals(before.OriginalDeadline, merged.OriginalDeadline) && task.Extensions.Count > 0)
        {
            throw ApiErrors.InvalidStateTransition(
                name, "", $"The deadline of {name} has been extended; it changes only through ExtendTaskDeadline, and the original deadline stays as it was.");
        }

        if (before.Number != merged.Number && TaskNumber.TryParse(merged.Number, out var renumbered) && renumbered != task.Number
            && await SiblingTasks.HasDescendantsAsync(work, directive.Id, task.Number, cancellationToken))
        {
            throw ApiErrors.HasDependents(name, $"Task {task.Number} has sub-tasks; renumber or delete them before renumbering it.");
        }
    }

    /// <summary>Applies one storage change to several tasks (a task and its sub-tasks), each recorded; returns the first.</summary>
    private static async Task<TaskResource> ChangeAllAsync(
        TaskWorkspace work,
        IReadOnlyList<DirectiveTask> tasks,
        ChangeKind kind,
        string method,
        bool validateOnly,
        Func<ResourceEntry, DateTimeOffset, ResourceStamp> change,
        CancellationToken cancellationToken)
    {
        var presenter = await work.PresenterAsync([.. tasks.Select(t => (t, work.Db.Resource(t).Stamp))], cancellationToken);
        TaskResource? first = null;
        foreach (var task in tasks)
        {
            var entry = work.Db.Resource(task);
            var before = presenter.ToResource(task, entry.Stamp, clock: null);
            var stamp = validateOnly ? entry.Stamp : change(entry, work.Now);
            var after = presenter.ToResource(task, stamp, work.Clock);
            if (!validateOnly)
            {
                work.Record(kind, method, requestId: null, before, after);
            }

            first ??= after;
        }

        if (!validateOnly)
        {
            await work.SaveAsync(cancellationToken);
        }

        return first!;
    }
}
