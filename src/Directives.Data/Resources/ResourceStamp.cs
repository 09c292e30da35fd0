namespace Directives.Data.Resources;

/// <summary>A stored resource's storage-only fields, as the Server puts them in the resource it returns.</summary>
/// <param name="ResourceId">The last segment of the resource name.</param>
/// <param name="DirectiveResourceId">For a task, its directive's resource id; otherwise null.</param>
/// <param name="Etag">The current etag.</param>
/// <param name="CreateTime">When the resource was created.</param>
/// <param name="UpdateTime">When it last changed.</param>
/// <param name="DeleteTime">When it was soft-deleted; null unless deleted.</param>
/// <param name="PurgeTime">When a soft-deleted resource will be purged; null unless deleted.</param>
public sealed record ResourceStamp(
    string ResourceId,
    string? DirectiveResourceId,
    string Etag,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    DateTimeOffset? DeleteTime,
    DateTimeOffset? PurgeTime)
{
    public bool IsDeleted => DeleteTime is not null;

    // Called in query projections with the raw columns (evaluated on the client, after SQL).
    internal static ResourceStamp FromColumns(
        string resourceId, string? directiveResourceId, string etag, long createTicks, long updateTicks, long? deleteTicks, long? purgeTicks)
        => new(
            resourceId,
            directiveResourceId,
            etag,
            new DateTimeOffset(createTicks, TimeSpan.Zero),
            new DateTimeOffset(updateTicks, TimeSpan.Zero),
            deleteTicks is { } deleted ? new DateTimeOffset(deleted, TimeSpan.Zero) : null,
            purgeTicks is { } purged ? new DateTimeOffset(purged, TimeSpan.Zero) : null);
}
