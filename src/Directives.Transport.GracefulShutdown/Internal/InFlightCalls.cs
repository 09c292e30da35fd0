namespace Directives.Transport.GracefulShutdown.Internal;

/// <summary>Counts the calls being handled, so that shutdown can wait until none is left.</summary>
internal sealed class InFlightCalls
{
    private int _count;
    private TaskCompletionSource? _idle;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>Completes when no call is in flight. Only called once draining has begun, so the count only falls.</summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);

        // Checked after publishing the signal: a last Exit that ran before it was published is seen here.
        if (Count == 0)
        {
            idle.TrySetResult();
        }

        return idle.Task.WaitAsync(cancellationToken);
    }
}
