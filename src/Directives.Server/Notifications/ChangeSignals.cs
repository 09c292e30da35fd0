using System.Collections.Concurrent;

namespace Directives.Server.Notifications;

/// <summary>
/// Wakes this process's watchers when a province's feed may have new changes.
/// </summary>
/// <remarks>
/// Take the wait before reading the feed, then await it only if the read found nothing new: a notice
/// raised between the read and the await has already completed the task, so no change slips between them.
/// <code>
/// var changed = signals.WhenChanged(provinceId);
/// var batch = await ReadFeedAfter(position);
/// if (batch.Count == 0) await Task.WhenAny(changed, Task.Delay(heartbeat, cancellationToken));
/// </code>
/// </remarks>
internal sealed class ChangeSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _provinces = new(StringComparer.Ordinal);
    private TaskCompletionSource _any = NewSource();

    /// <summary>Completes at the next notice for <paramref name="provinceId"/> raised after this call. Never faults.</summary>
    public Task WhenChanged(string provinceId)
    {
        ArgumentNullException.ThrowIfNull(provinceId);
        return _provinces.GetOrAdd(provinceId, static _ => NewSource()).Task;
    }

    /// <summary>Completes at the next notice for any province raised after this call (for watches across provinces). Never faults.</summary>
    public Task WhenAnyChanged() => Volatile.Read(ref _any).Task;

    /// <summary>Completes the waits taken before now for the notice's province and for any province.</summary>
    public void Raise(ChangeNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice.ProvinceId);
        if (_provinces.TryRemove(notice.ProvinceId, out var waiting))
        {
            waiting.TrySetResult();
        }

        Interlocked.Exchange(ref _any, NewSource()).TrySetResult();
    }

    // Continuations run on the thread pool, never inline on the committing writer's thread.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
