using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The numbering rules that look at a directive's other tasks: numbers are unique among undeleted
/// tasks, a sub-task needs its parent, and a task's sub-tasks follow it.
/// </summary>
internal static class SiblingTasks
{
    /// <summary>The undeleted task of the directive numbered <paramref name="number"/>, other than <paramref name="except"/>; null when none.</summary>
    public static async Task<string?> FindNumberedAsync(
        TaskWorkspace work, Guid directiveId, TaskNumber number, Guid? except, CancellationToken cancellationToken)
    {
        var query = work.Db.Tasks.AsNoTracking().NotDeleted().Where(t => t.DirectiveId == directiveId && t.Number == number);
        if (except is { } id)
        {
            query = query.Where(t => t.Id != id);
        }

        var found = await query
            .Select(t => new { Directive = EF.Property<string>(t, ResourceProperties.DirectiveResourceId), Id = EF.Property<string>(t, ResourceProperties.ResourceId) })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : TaskName.Pattern.Format(work.ProvinceId, found.Directive, found.Id);
    }

    /// <summary>ALREADY_EXISTS (DUPLICATE_NUMBER) when another undeleted task of the directive has <paramref name="number"/>.</summary>
    public static async Task EnsureNumberFreeAsync(
        TaskWorkspace work, Guid directiveId, TaskNumber number, Guid? except, CancellationToken cancellationToken)
    {
        if (await FindNumberedAsync(work, directiveId, number, except, cancellationToken) is { } existing)
        {
            throw ApiErrors.DuplicateNumber(existing);
        }
    }

    /// <summary>Whether the undeleted parent a nested number needs ("3" for "3.1") is there; true for a top-level number.</summary>
    public static async Task<bool> HasParentAsync(TaskWorkspace work, Guid directiveId, TaskNumber number, CancellationToken cancellationToken)
        => number.Parent is not { } parent
            || await work.Db.Tasks.AsNoTracking().NotDeleted().AnyAsync(t => t.DirectiveId == directiveId && t.Number == parent, cancellationToken);

    /// <summary>
    /// The tasks numbered under <paramref name="number"/> at any depth ("3.1" and "3.1.2" under "3"),
    /// tracked for a write; <paramref name="deleted"/> chooses undeleted ones, or those deleted at that
    /// very instant (deleted together with their ancestor).
    /// </summary>
    public static async Task<List<DirectiveTask>> DescendantsAsync(
        TaskWorkspace work, Guid directiveId, TaskNumber number, DateTimeOffset? deleted, CancellationToken cancellationToken)
    {
        var ids = await DescendantIdsAsync(work, directiveId, number, deleted, cancellationToken);
        return ids.Count == 0 ? [] : await work.Db.Tasks.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>Whether any undeleted task is numbered under <paramref name="number"/>.</summary>
    public static async Task<bool> HasDescendantsAsync(TaskWorkspace work, Guid directiveId, TaskNumber number, CancellationToken cancellationToken)
        => (await DescendantIdsAsync(work, directiveId, number, deleted: null, cancellationToken)).Count > 0;

    /// <summary>Whether any undeleted task numbered under <paramref name="number"/> is still NOT_STARTED or IN_PROGRESS.</summary>
    public static async Task<bool> HasOpenDescendantsAsync(TaskWorkspace work, Guid directiveId, TaskNumber number, CancellationToken cancellationToken)
    {
        var ids = await DescendantIdsAsync(work, directiveId, number, deleted: null, cancellationToken);
        return ids.Count > 0 && await work.Db.Tasks.AsNoTracking()
            .AnyAsync(t => ids.Contains(t.Id) && (t.State == TaskState.NotStarted || t.State == TaskState.InProgress), cancellationToken);
    }

    // The directive's numbers are few (dozens, rarely hundreds): reading them and comparing segments here
    // avoids translating a prefix test on the sort key to two SQL dialects.
    private static async Task<List<Guid>> DescendantIdsAsync(
        TaskWorkspace work, Guid directiveId, TaskNumber number, DateTimeOffset? deleted, CancellationToken cancellationToken)
    {
        var query = work.Db.Tasks.AsNoTracking().Where(t => t.DirectiveId == directiveId);
        if (deleted is { } instant)
        {
            var ticks = instant.UtcTicks;
            query = query.Where(t => EF.Property<long?>(t, ResourceProperties.DeleteTime) == ticks);
        }
        else
        {
            query = query.NotDeleted();
        }

        var candidates = await query.Select(t => new { t.Id, t.Number }).ToListAsync(cancellationToken);
        return [.. candidates.Where(c => IsUnder(c.Number, number)).Select(c => c.Id)];
    }

    private static bool IsUnder(TaskNumber candidate, TaskNumber ancestor)
        => candidate.Depth > ancestor.Depth && candidate.Segments.Take(ancestor.Depth).SequenceEqual(ancestor.Segments);
}
