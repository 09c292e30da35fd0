using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// What a task's resource shows from outside its own row, read once for a whole page: the name of its
/// parent task (task IDs are chosen by clients, so "3" for "3.1" must be looked up) and who recorded
/// each deadline extension (the change log's ExtendTaskDeadline entries; the domain keeps the approval,
/// not the recording).
/// </summary>
internal sealed class TaskRelations
{
    // The change log keeps every mutation of a task; a task never has nearly this many.
    private const int HistoryLimit = 1000;

    private readonly string _provinceId;
    private readonly Dictionary<(string Directive, string SortKey), string> _parentIds;
    private readonly Dictionary<string, List<ExtensionRecord>> _extensionRecords;

    private TaskRelations(string provinceId, Dictionary<(string, string), string> parentIds, Dictionary<string, List<ExtensionRecord>> extensionRecords)
    {
        _provinceId = provinceId;
        _parentIds = parentIds;
        _extensionRecords = extensionRecords;
    }

    public static async Task<TaskRelations> LoadAsync(
        ProvinceDbContext db, IReadOnlyCollection<(DirectiveTask Task, ResourceStamp Stamp)> tasks, CancellationToken cancellationToken)
    {
        var parentIds = new Dictionary<(string, string), string>();
        var wanted = tasks
            .Where(t => t.Task.Number.Parent is not null)
            .Select(t => (Directive: t.Stamp.DirectiveResourceId!, Number: t.Task.Number.Parent!))
            .Distinct()
            .ToList();
        if (wanted.Count > 0)
        {
            var directives = wanted.Select(w => w.Directive).Distinct().ToArray();
            var sortKeys = wanted.Select(w => w.Number.SortKey).Distinct().ToArray();
            var rows = await db.Tasks.AsNoTracking()
                .Where(t => directives.Contains(EF.Property<string>(t, ResourceProperties.DirectiveResourceId)) && sortKeys.Contains(EF.Property<string>(t, TaskColumns.NumberSortKey)))
                .Select(t => new
                {
                    Directive = EF.Property<string>(t, ResourceProperties.DirectiveResourceId),
                    Id = EF.Property<string>(t, ResourceProperties.ResourceId),
                    t.Number,
                    Deleted = EF.Property<long?>(t, ResourceProperties.DeleteTime) != null,
                })
                .ToListAsync(cancellationToken);

            // An undeleted parent is the one in force; a deleted one still names the parent of a deleted sub-task.
            foreach (var row in rows.OrderBy(r => !r.Deleted))
            {
                parentIds[(row.Directive, row.Number.SortKey)] = row.Id;
            }
        }

        var extensionRecords = new Dictionary<string, List<ExtensionRecord>>(StringComparer.Ordinal);
        foreach (var (task, stamp) in tasks.Where(t => t.Task.Extensions.Count > 0))
        {
            var name = TaskName.Pattern.Format(db.ProvinceId, stamp.DirectiveResourceId!, stamp.ResourceId);
            var history = await db.ChangeLog.HistoryAsync(name, beyondSequence: null, HistoryLimit, newestFirst: false, cancellationToken);
            extensionRecords[name] = [.. history.Where(r => r.Method == TaskMethods.ExtendTaskDeadline).Select(RecordOf)];
        }

        return new TaskRelations(db.ProvinceId, parentIds, extensionRecords);
    }

    // The recording instant is the update time of the revision the extension made: the response of
    // ExtendTaskDeadline shows it before the commit, which takes its own commit time a moment later.
    private static ExtensionRecord RecordOf(ChangeRecord record)
    {
        var recorded = record.After is { } after ? Contracts.V1.Task.Parser.ParseFrom(after).UpdateTime : null;
        return new ExtensionRecord(record.Actor, recorded?.ToDateTimeOffset() ?? record.CommitTime);
    }

    /// <summary>The parent task's name; empty for a top-level task, or one whose parent is gone for good.</summary>
    public string ParentOf(DirectiveTask task, ResourceStamp stamp)
        => task.Number.Parent is { } parent && _parentIds.TryGetValue((stamp.DirectiveResourceId!, parent.SortKey), out var parentId)
            ? TaskName.Pattern.Format(_provinceId, stamp.DirectiveResourceId!, parentId)
            : "";

    /// <summary>
    /// Who recorded extension <paramref name="index"/> of <paramref name="count"/>.
    /// Extensions recorded through the API are the latest ones (seeded data has none in the log), so
    /// the entries line up with the extensions from the end.
    /// </summary>
    public ExtensionRecord? RecordOf(string taskName, int index, int count)
    {
        if (!_extensionRecords.TryGetValue(taskName, out var records))
        {
            return null;
        }

        var position = records.Count - (count - index);
        return position >= 0 ? records[position] : null;
    }

    /// <summary>Adds the recording of an extension being saved with the response: the log has it only once committed.</summary>
    public void AddPendingExtension(string taskName, ExtensionRecord record)
    {
        if (!_extensionRecords.TryGetValue(taskName, out var records))
        {
            _extensionRecords[taskName] = records = [];
        }

        records.Add(record);
    }
}

/// <summary>Who recorded a deadline extension in the system, and when.</summary>
internal sealed record ExtensionRecord(ChangeActor Recorder, DateTimeOffset RecordTime);
