using Directives.Data;
using Directives.Data.Changes;
using Directives.Server.Api;
using Directives.Server.Tenancy;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Changes;

/// <summary>
/// Which changes a caller may see: every change, except that an officer sees only the tasks their agency
/// leads or cooperates on, and those tasks' reports (changes.proto; the feed advances past the others).
/// A task is judged by the snapshot of the change itself (the task as it was deleted, for a purge), a
/// report by its task's latest recorded snapshot.
/// </summary>
internal sealed class ChangeVisibility(ProvinceDbContext db, TaskAccess access)
{
    private readonly Dictionary<string, bool> _tasks = new(StringComparer.Ordinal);

    public async Task<bool> CanSeeAsync(ChangeRecord change, CancellationToken cancellationToken)
    {
        if (access.RestrictedToAgency is null)
        {
            return true;
        }

        if (change.ResourceType == ChangeResourceTypes.Task)
        {
            return CanSee(change.After ?? change.Before);
        }

        if (change.ResourceType == ChangeResourceTypes.Report && ReportName.TryParse(change.ResourceName, out var report))
        {
            var task = report.Parent.ToString();
            if (!_tasks.TryGetValue(task, out var visible))
            {
                var latest = await db.ChangeLog.HistoryAsync(task, beyondSequence: null, limit: 1, newestFirst: true, cancellationToken);
                visible = latest.Count > 0 && CanSee(latest[0].After ?? latest[0].Before);
                _tasks[task] = visible;
            }

            return visible;
        }

        return true;
    }

    private bool CanSee(byte[]? snapshot)
    {
        if (snapshot is null)
        {
            return false;
        }

        var task = TaskResource.Parser.ParseFrom(snapshot);
        return access.CanSee(task.LeadAgency, task.CooperatingAgencies);
    }
}
