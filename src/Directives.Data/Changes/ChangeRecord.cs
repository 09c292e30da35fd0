namespace Directives.Data.Changes;

/// <summary>
/// A committed change, read back from a province's change table: the audit record behind the history
/// methods and an event of the change feed. Sequences are gapless and in commit order per province.
/// </summary>
public sealed class ChangeRecord
{
    /// <summary>The position in the province's feed: 1, 2, 3… with no gaps, in commit order.</summary>
    public long Sequence { get; init; }

    public required string ResourceName { get; init; }

    public required string ResourceType { get; init; }

    public ChangeKind Kind { get; init; }

    public required string Method { get; init; }

    public required string ActorSubject { get; init; }

    public string? ActorDisplayName { get; init; }

    public string? ActorAgency { get; init; }

    /// <summary>The actor's roles, space-separated (roles never contain spaces).</summary>
    public required string ActorRoles { get; init; }

    public string? RequestId { get; init; }

    /// <summary>When the change was written, in UTC ticks; within a province it never decreases with <see cref="Sequence"/>.</summary>
    public long CommitTicks { get; init; }

    public string? Etag { get; init; }

    public byte[]? Before { get; init; }

    public byte[]? After { get; init; }

    public DateTimeOffset CommitTime => new(CommitTicks, TimeSpan.Zero);

    public ChangeActor Actor => new(
        ActorSubject,
        ActorDisplayName,
        ActorAgency,
        ActorRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
