using Directives.Data.Changes;

namespace Directives.Server.Notifications;

/// <summary>Puts a notice of every committed save on the <see cref="IChangeBus"/>.</summary>
internal sealed class ChangeBusCommitListener(IChangeBus bus) : IChangeCommitListener
{
    public ValueTask ChangesCommittedAsync(string provinceId, IReadOnlyList<ChangeRecord> records, CancellationToken cancellationToken)
        => bus.PublishAsync(new ChangeNotice(provinceId, records[^1].Sequence), cancellationToken);
}
