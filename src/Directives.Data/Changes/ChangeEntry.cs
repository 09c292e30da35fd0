namespace Directives.Data.Changes;

/// <summary>
/// One resource changed by one mutation, as the Server describes it to <see cref="ChangeLog.Record"/>.
/// Snapshots are the serialized resources (the Server's protobuf messages); the Data layer stores the
/// bytes without reading them.
/// </summary>
public sealed record ChangeEntry
{
    /// <summary>The full resource name: <c>provinces/hung-yen/directives/2024-38-ct-tu</c>.</summary>
    public required string ResourceName { get; init; }

    /// <summary>The resource type: <c>directives.gov.vn/Directive</c>.</summary>
    public required string ResourceType { get; init; }

    public required ChangeKind Kind { get; init; }

    /// <summary>The full gRPC method: <c>/directives.v1.DirectiveService/IssueDirective</c>.</summary>
    public required string Method { get; init; }

    public required ChangeActor Actor { get; init; }

    /// <summary>The request's request_id, when it had one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The resource's etag after the change; null for a purge.</summary>
    public string? Etag { get; init; }

    /// <summary>The resource before the change; null for a creation.</summary>
    public byte[]? Before { get; init; }

    /// <summary>The resource after the change; null for a purge.</summary>
    public byte[]? After { get; init; }
}
