namespace Directives.Server.Notifications;

/// <summary>
/// Carries change notices to the <see cref="ChangeSignals"/> of every replica: in process only on a single
/// replica (<see cref="LocalChangeBus"/>), or through Redis pub/sub when configured.
/// </summary>
/// <remarks>
/// A notice is a wake-up call, not the change: watchers read the change feed after being woken, and also
/// poll it on their own, so a lost notice delays a watcher and never loses a change.
/// </remarks>
internal interface IChangeBus
{
    /// <summary>Announces a commit to this replica's signals and, when the bus spans replicas, to theirs. Does not throw.</summary>
    ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken);
}
