namespace Directives.Server.Notifications;

/// <summary>The change bus of a single replica: notices go straight to this process's <see cref="ChangeSignals"/>.</summary>
internal sealed class LocalChangeBus(ChangeSignals signals) : IChangeBus
{
    public ValueTask PublishAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        signals.Raise(notice);
        return ValueTask.CompletedTask;
    }
}
