namespace Directives.Data.Resources;

/// <summary>
/// The storage-only (shadow) properties every stored resource has beside its domain fields. The domain
/// knows nothing of names, etags or soft deletion; EF keeps them here, and <see cref="ResourceEntry"/>
/// and <see cref="ResourceQueries"/> reach them without string literals in the Server.
/// </summary>
public static class ResourceProperties
{
    /// <summary>The last segment of the resource name (<c>2022-15-ct-ubnd</c>), unique among its siblings.</summary>
    public const string ResourceId = nameof(ResourceId);

    /// <summary>A task's directive's resource id, copied (names never change) so that task names and the default order need no join.</summary>
    public const string DirectiveResourceId = nameof(DirectiveResourceId);

    /// <summary>The concurrency token: a new random value on every write.</summary>
    public const string Etag = nameof(Etag);

    public const string CreateTime = nameof(CreateTime);

    public const string UpdateTime = nameof(UpdateTime);

    /// <summary>Set while soft-deleted (directives, tasks, agencies).</summary>
    public const string DeleteTime = nameof(DeleteTime);

    public const string PurgeTime = nameof(PurgeTime);
}
