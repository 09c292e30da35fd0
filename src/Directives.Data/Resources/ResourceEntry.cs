using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Directives.Data.Resources;

/// <summary>
/// The storage-only fields of a tracked resource (see <see cref="ResourceProperties"/>), and the writes
/// that change them. Get one with <see cref="ProvinceDbContext.Resource"/>.
/// </summary>
public sealed class ResourceEntry
{
    private readonly EntityEntry _entry;
    private readonly TimeSpan _softDeleteRetention;

    internal ResourceEntry(EntityEntry entry, TimeSpan softDeleteRetention)
    {
        _entry = entry;
        _softDeleteRetention = softDeleteRetention;
    }

    public string ResourceId => (string)_entry.Property(ResourceProperties.ResourceId).CurrentValue!;

    public string Etag => (string)_entry.Property(ResourceProperties.Etag).CurrentValue!;

    public bool IsSoftDeletable => _entry.Metadata.FindProperty(ResourceProperties.DeleteTime) is not null;

    public bool IsDeleted => IsSoftDeletable && _entry.Property(ResourceProperties.DeleteTime).CurrentValue is not null;

    public ResourceStamp Stamp => new(
        ResourceId,
        _entry.Entity is DirectiveTask ? (string?)_entry.Property(ResourceProperties.DirectiveResourceId).CurrentValue : null,
        Etag,
        Instant(ResourceProperties.CreateTime)!.Value,
        Instant(ResourceProperties.UpdateTime)!.Value,
        IsSoftDeletable ? Instant(ResourceProperties.DeleteTime) : null,
        IsSoftDeletable ? Instant(ResourceProperties.PurgeTime) : null);

    /// <summary>
    /// Marks a write: a new etag and <paramref name="now"/> as the update time. Call it before building
    /// the after snapshot, so the snapshot carries the etag that is saved. A save also stamps any changed
    /// resource that was not touched, so no write can keep an old etag.
    /// </summary>
    public ResourceStamp Touch(DateTimeOffset now)
    {
        _entry.Property(ResourceProperties.Etag).CurrentValue = Etags.New();
        _entry.Property(ResourceProperties.UpdateTime).CurrentValue = now.UtcTicks;
        return Stamp;
    }

    /// <summary>Soft-deletes: sets the delete time and the purge time after the retention, and touches.</summary>
    public ResourceStamp SoftDelete(DateTimeOffset now)
    {
        RequireSoftDeletable();
        _entry.Property(ResourceProperties.DeleteTime).CurrentValue = now.UtcTicks;
        _entry.Property(ResourceProperties.PurgeTime).CurrentValue = (now + _softDeleteRetention).UtcTicks;
        return Touch(now);
    }

    /// <summary>Restores a soft-deleted resource, and touches.</summary>
    public ResourceStamp Undelete(DateTimeOffset now)
    {
        RequireSoftDeletable();
        _entry.Property(ResourceProperties.DeleteTime).CurrentValue = null;
        _entry.Property(ResourceProperties.PurgeTime).CurrentValue = null;
        return Touch(now);
    }

    internal void Initialize(string resourceId, string? directiveResourceId, DateTimeOffset now)
    {
        if (!ResourceIds.IsValid(resourceId))
        {
            throw new ArgumentException($"'{resourceId}' is not a resource id (1-63 of a-z, 0-9 and '-').", nameof(resourceId));
        }

        _entry.Property(ResourceProperties.ResourceId).CurrentValue = resourceId;
        if (directiveResourceId is not null)
        {
            _entry.Property(ResourceProperties.DirectiveResourceId).CurrentValue = directiveResourceId;
        }

        _entry.Property(ResourceProperties.CreateTime).CurrentValue = now.UtcTicks;
        Touch(now);
    }

    private DateTimeOffset? Instant(string property)
        => _entry.Property(property).CurrentValue is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private void RequireSoftDeletable()
    {
        if (!IsSoftDeletable)
        {
            throw new InvalidOperationException($"A {_entry.Metadata.ClrType.Name} is not soft-deleted.");
        }
    }
}
