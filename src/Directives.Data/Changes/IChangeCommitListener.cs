namespace Directives.Data.Changes;

/// <summary>
/// Told of the change log entries of each save as soon as its transaction has committed, so that caches
/// can drop what the save changed and watchers can be woken, before the writer's call returns.
/// </summary>
/// <remarks>
/// Called only for saves that commit their own transaction (every API mutation); a caller that commits
/// an explicit transaction itself is not reported. The feed remains the source of truth: a listener
/// that misses a commit (for example while Redis is down) delays a watcher, never loses a change.
/// Implementations must not throw, and bound their own waiting: the change is already committed.
/// </remarks>
public interface IChangeCommitListener
{
    /// <param name="provinceId">The province whose database committed.</param>
    /// <param name="records">The committed entries, in sequence order (at least one).</param>
    /// <param name="cancellationToken">Ends the wait when the host stops; not the writer's call token, which must not undo a notification of a committed change.</param>
    ValueTask ChangesCommittedAsync(string provinceId, IReadOnlyList<ChangeRecord> records, CancellationToken cancellationToken);
}
