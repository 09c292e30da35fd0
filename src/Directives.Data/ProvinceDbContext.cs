using Directives.Data.Changes;
using Directives.Data.Configuration;
using Directives.Data.Errors;
using Directives.Data.Idempotency;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data;

/// <summary>
/// One province's database: its aggregates, their storage-only fields, the change log and the
/// request_ids it remembers. Create one per unit of work with <see cref="IProvinceDbContextFactory"/>.
/// </summary>
/// <remarks>
/// <see cref="SaveChangesAsync(bool, CancellationToken)"/> writes a mutation whole, in one transaction:
/// the changed aggregates (each with a new etag, checked against the etag it was read with), their
/// search columns and agency index, the request_id record, and the change log entries with their feed
/// sequence numbers. If any part fails, none of it is written.
/// </remarks>
public sealed class ProvinceDbContext : DbContext
{
    private readonly ProvinceDbContextSettings _settings;

    public ProvinceDbContext(DbContextOptions<ProvinceDbContext> options, ProvinceDbContextSettings settings)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        ChangeLog = new ChangeLog(this);
        Idempotency = new IdempotencyStore(this, settings.IdempotencyRetention);
    }

    /// <summary>The province whose database this is.</summary>
    public string ProvinceId => _settings.ProvinceId;

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<DirectiveTask> Tasks => Set<DirectiveTask>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<SteeringCommittee> Committees => Set<SteeringCommittee>();

    /// <summary>The audit trail and change feed: record a mutation's entries here before saving it.</summary>
    public ChangeLog ChangeLog { get; }

    /// <summary>The request_ids of Creates.</summary>
    public IdempotencyStore Idempotency { get; }

    /// <summary>Filter predicates on tasks' storage-only columns and agency index.</summary>
    public TaskFilters TaskFilters => new(this);

    internal DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();

    internal DbSet<FeedHead> FeedHeads => Set<FeedHead>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    internal DbSet<TaskAgency> TaskAgencies => Set<TaskAgency>();

    internal TimeProvider TimeProvider => _settings.TimeProvider;

    /// <summary>The storage-only fields of a tracked directive, task, agency or committee.</summary>
    public ResourceEntry Resource(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var entry = Entry(resource);
        if (entry.Metadata.FindProperty(ResourceProperties.ResourceId) is null)
        {
            throw new ArgumentException($"A {resource.GetType().Name} is not a stored resource.", nameof(resource));
        }

        return new ResourceEntry(entry, _settings.SoftDeleteRetention);
    }

    /// <summary>Adds a new directive, agency or committee under <paramref name="resourceId"/>, created at <paramref name="now"/>.</summary>
    public ResourceStamp AddResource<T>(T resource, string resourceId, DateTimeOffset now)
        where T : class
    {
        if (resource is DirectiveTask)
        {
            throw new ArgumentException($"Add tasks with {nameof(AddTask)}: a task's name includes its directive.", nameof(resource));
        }

        Add(resource);
        var entry = Resource(resource);
        entry.Initialize(resourceId, directiveResourceId: null, now);
        return entry.Stamp;
    }

    /// <summary>Adds a new task of the directive <paramref name="directiveResourceId"/> under <paramref name="resourceId"/>.</summary>
    public ResourceStamp AddTask(DirectiveTask task, string directiveResourceId, string resourceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!ResourceIds.IsValid(directiveResourceId))
        {
            throw new ArgumentException($"'{directiveResourceId}' is not a resource id.", nameof(directiveResourceId));
        }

        Add(task);
        var entry = Resource(task);
        entry.Initialize(resourceId, directiveResourceId, now);
        return entry.Stamp;
    }

    /// <summary>Not supported: writes go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which is asynchronous all the way.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => throw new NotSupportedException("Use SaveChangesAsync: a province database is written asynchronously only.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = _settings.TimeProvider.GetUtcNow();
        var changedResources = StorageColumns.Update(this, now);
        if (changedResources && ChangeLog.Pending.Count == 0)
        {
            throw new InvalidOperationException(
                "Every mutation of a resource is recorded: call ChangeLog.Record for each changed resource before saving.");
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        List<ChangeRecord> records = [];
        List<ChangeRecord> committed;
        int result;
        try
        {
            if (ChangeLog.Pending.Count > 0)
            {
                records = await AppendChangesAsync(now, cancellationToken);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            ChangeLog.ClearPending();
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            committed = ownTransaction is not null ? records : [];
            result = written;
        }
        catch (Exception exception)
        {
            // Nothing was committed: forget the sequence numbers taken (the rollback returns them).
            foreach (var record in records)
            {
                Entry(record).State = EntityState.Detached;
            }

            if (DatabaseErrors.Translate(exception, Model) is { } translated)
            {
                throw translated;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        if (committed.Count > 0)
        {
            await NotifyCommittedAsync(committed);
        }

        return result;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var options = new ModelOptions(IsPostgreSql: Database.IsNpgsql());
        modelBuilder.ApplyConfiguration(new DirectiveConfiguration(options));
        modelBuilder.ApplyConfiguration(new TaskConfiguration(options));
        modelBuilder.ApplyConfiguration(new TaskAgencyConfiguration());
        modelBuilder.ApplyConfiguration(new AgencyConfiguration(options));
        modelBuilder.ApplyConfiguration(new CommitteeConfiguration(options));
        modelBuilder.ApplyConfiguration(new ChangeRecordConfiguration());
        modelBuilder.ApplyConfiguration(new FeedHeadConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        ModelNames.ApplySnakeCase(modelBuilder.Model);
    }

    // After the commit the writer's token no longer applies: a committed change is always announced.
    private async ValueTask NotifyCommittedAsync(IReadOnlyList<ChangeRecord> records)
    {
        foreach (var listener in _settings.CommitListeners)
        {
            await listener.ChangesCommittedAsync(ProvinceId, records, CancellationToken.None);
        }
    }

    private async Task<List<ChangeRecord>> AppendChangesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = ChangeLog.Pending;
        var (first, commitTicks) = await FeedSequencer.ReserveAsync(Database, pending.Count, now.UtcTicks, cancellationToken);
        var records = new List<ChangeRecord>(pending.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            var entry = pending[i];
            var record = new ChangeRecord
            {
                Sequence = first + i,
                ResourceName = entry.ResourceName,
                ResourceType = entry.ResourceType,
                Kind = entry.Kind,
                Method = entry.Method,
                ActorSubject = entry.Actor.Subject,
                ActorDisplayName = entry.Actor.DisplayName,
                ActorAgency = entry.Actor.Agency,
                ActorRoles = string.Join(' ', entry.Actor.Roles),
                RequestId = entry.RequestId,
                CommitTicks = commitTicks,
                Etag = entry.Etag,
                Before = entry.Before,
                After = entry.After,
            };
            ChangeRecords.Add(record);
            records.Add(record);
        }

        return records;
    }
}
