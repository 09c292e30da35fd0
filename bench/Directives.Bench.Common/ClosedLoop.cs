using System.Diagnostics;

namespace Directives.Bench;

/// <summary>One measured round of closed-loop load: <c>concurrency</c> callers, each awaiting one call after another, for a fixed time.</summary>
public static class ClosedLoop
{
    /// <param name="call">One call; it throws if the answer is wrong.</param>
    /// <param name="concurrency">Callers at once.</param>
    /// <param name="duration">How long the round lasts.</param>
    /// <param name="serverCpu">The server's CPU time so far, read before and after the round.</param>
    public static async Task<RoundResult> RunAsync(Func<Task> call, int concurrency, TimeSpan duration, Func<TimeSpan> serverCpu)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(serverCpu);
        var cpuBefore = serverCpu();
        var stopwatch = Stopwatch.StartNew();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var calls = 0L;
            while (Stopwatch.GetTimestamp() < end)
            {
                await call();
                calls++;
            }

            return calls;
        }));
        stopwatch.Stop();
        var total = counts.Sum();
        var cpu = serverCpu() - cpuBefore;
        return new RoundResult(total, total / stopwatch.Elapsed.TotalSeconds, cpu.TotalMicroseconds / Math.Max(1, total));
    }
}

/// <param name="Calls">Calls completed.</param>
/// <param name="PerSecond">Calls per second.</param>
/// <param name="ServerCpuMicroseconds">Server CPU time per call.</param>
public sealed record RoundResult(long Calls, double PerSecond, double ServerCpuMicroseconds);
