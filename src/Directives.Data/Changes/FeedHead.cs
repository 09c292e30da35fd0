namespace Directives.Data.Changes;

/// <summary>
/// The single row holding the last sequence number handed out in a province. Every writer that records
/// changes increments it in its own transaction, which is what makes the feed gapless in commit order
/// (see <see cref="FeedSequencer"/>).
/// </summary>
internal sealed class FeedHead
{
    public const int SingletonId = 1;

    public int Id { get; init; }

    public long Sequence { get; set; }

    /// <summary>The commit time of the last change, in UTC ticks: commit times never go back, whatever the replicas' clocks say.</summary>
    public long CommitTicks { get; set; }
}
