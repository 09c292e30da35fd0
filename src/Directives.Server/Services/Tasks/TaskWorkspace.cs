using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// One TaskService call's unit of work on the caller's province: its database (the province comes from
/// the resolved tenant, never from the request), the instant of the call, the agency catalogue, and
/// the steps every method shares — finding a task the caller may see, presenting it, recording a
/// mutation in the change log.
/// </summary>
internal sealed class TaskWorkspace : IAsyncDisposable
{
    public const string TaskResourceType = "directives.gov.vn/Task";

    private readonly ITenantContext _tenant;
    private AgencyDirectory? _agencies;

    private TaskWorkspace(ProvinceDbContext db, ITenantContext tenant, TaskClock clock)
    {
        Db = db;
        _tenant = tenant;
        Clock = clock;
    }

    public ProvinceDbContext Db { get; }

    public TaskClock Clock { get; }

    public DateTimeOffset Now => Clock.Now;

    public string ProvinceId => Db.ProvinceId;

    public ITenantContext Tenant => _tenant;

    public static async Task<TaskWorkspace> OpenAsync(
        IProvinceDbContextFactory databases, ProvinceRecord province, ITenantContext tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = await databases.CreateAsync(province.Id, cancellationToken);
        return new TaskWorkspace(db, tenant, new TaskClock(now, TaskClock.ZoneOf(province.TimeZone)));
    }

    public async Task<AgencyDirectory> AgenciesAsync(CancellationToken cancellationToken)
        => _agencies ??= await AgencyDirectory.LoadAsync(Db, cancellationToken);

    /// <summary>
    /// The task <paramref name="name"/> names, tracked for a write or read without tracking; NOT_FOUND when
    /// it does not exist (or was purged), PERMISSION_DENIED when an officer's agency is not on it.
    /// </summary>
    public async Task<(DirectiveTask Task, ResourceStamp Stamp)> FindTaskAsync(TaskName name, bool forUpdate, CancellationToken cancellationToken)
    {
        var query = Db.Tasks.WithTaskName(name.Directive, name.Task);
        (DirectiveTask Task, ResourceStamp Stamp)? found;
        if (forUpdate)
        {
            var task = await query.FirstOrDefaultAsync(cancellationToken);
            found = task is null ? null : (task, Db.Resource(task).Stamp);
        }
        else
        {
            var stamped = await query.Stamped().FirstOrDefaultAsync(cancellationToken);
            found = stamped is null ? null : (stamped.Resource, stamped.Stamp);
        }

        if (found is not { } result)
        {
            throw ApiErrors.NotFound(TaskName.Pattern.Format(ProvinceId, name.Directive, name.Task));
        }

        await EnsureVisibleAsync(result.Task, cancellationToken);
        return result;
    }

    /// <summary>PERMISSION_DENIED (AGENCY_NOT_ASSIGNED) unless the caller may see the task: an officer sees only their agency's.</summary>
    public async Task EnsureVisibleAsync(DirectiveTask task, CancellationToken cancellationToken)
    {
        if (_tenant.Tasks.RestrictedToAgency is not { } agency)
        {
            return;
        }

        var agencies = await AgenciesAsync(cancellationToken);
        if (!_tenant.Tasks.CanSee(agencies.NameOf(task.LeadAgencyId), task.CooperatingAgencyIds.Select(agencies.NameOf)))
        {
            throw ApiErrors.AgencyNotAssigned(agency);
        }
    }

    /// <summary>A presenter for <paramref name="tasks"/>, with their parents' names and extension records read in one go.</summary>
    public async Task<TaskPresenter> PresenterAsync(IReadOnlyCollection<(DirectiveTask Task, ResourceStamp Stamp)> tasks, CancellationToken cancellationToken)
    {
        var agencies = await AgenciesAsync(cancellationToken);
        var relations = await TaskRelations.LoadAsync(Db, tasks, cancellationToken);
        return new TaskPresenter(ProvinceId, agencies, relations);
    }

    /// <summary>The task as a response shows it, at the call's instant.</summary>
    public async Task<TaskResource> PresentAsync(DirectiveTask task, ResourceStamp stamp, CancellationToken cancellationToken)
        => (await PresenterAsync([(task, stamp)], cancellationToken)).ToResource(task, stamp, Clock);

    /// <summary>Queues the change log entry of a mutation of one task; the next save writes it with the change.</summary>
    public void Record(ChangeKind kind, string method, string? requestId, TaskResource? before, TaskResource after)
        => Db.RecordChange(_tenant, method, kind, after.Name, TaskResourceType, before is null ? null : StoredFields(before), StoredFields(after), after.Etag, requestId);

    /// <summary>
    /// Saves the call's writes in one transaction. When a concurrent writer took a task number first
    /// (the unique index caught what the check before could not), the answer is the same
    /// ALREADY_EXISTS (DUPLICATE_NUMBER) naming the task that has it.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException duplicate) when (duplicate.Key == UniqueKey.TaskNumber)
        {
            foreach (var written in Db.ChangeTracker.Entries<DirectiveTask>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
            {
                var task = written.Entity;
                if (await SiblingTasks.FindNumberedAsync(this, task.DirectiveId, task.Number, except: task.Id, cancellationToken) is { } existing)
                {
                    throw ApiErrors.DuplicateNumber(existing);
                }
            }

            throw;
        }
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    // History keeps stored fields only: what changes with time alone is not part of a revision.
    private static TaskResource StoredFields(TaskResource task)
    {
        var stored = task.Clone();
        stored.Timeliness = TaskResource.Types.Timeliness.Unspecified;
        stored.DaysLate = 0;
        return stored;
    }
}
