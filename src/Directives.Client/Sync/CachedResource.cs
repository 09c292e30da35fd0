using Google.Protobuf;

namespace Directives.Client.Sync;

/// <summary>A resource as the cache holds it: its latest snapshot (protobuf bytes), etag and whether it is deleted.</summary>
/// <param name="Name">The resource name, <c>provinces/hung-yen/directives/2019-2157-cv-tu</c>.</param>
/// <param name="ResourceType">The resource type, <c>directives.gov.vn/Directive</c>.</param>
/// <param name="Etag">The etag after the latest change; empty after a purge.</param>
/// <param name="Deleted">Soft-deleted (the snapshot has <c>delete_time</c>) or purged (no snapshot).</param>
/// <param name="Snapshot">The serialized resource; null after a purge.</param>
public sealed record CachedResource(string Name, string ResourceType, string Etag, bool Deleted, byte[]? Snapshot)
{
    /// <summary>The snapshot as <typeparamref name="TMessage"/> (<c>Directive</c>, <c>Task</c>…); null after a purge.</summary>
    public TMessage? As<TMessage>()
        where TMessage : class, IMessage<TMessage>, new()
    {
        if (Snapshot is null)
        {
            return null;
        }

        var message = new TMessage();
        message.MergeFrom(Snapshot);
        return message;
    }
}

/// <summary>One change the cache applied, as the feed delivered it.</summary>
public sealed record AppliedChange(string ChangeToken, string Resource, Directives.Contracts.V1.ChangeEvent.Types.Kind Kind);
