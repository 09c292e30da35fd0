using System.Diagnostics;

namespace Directives.Bench.Telemetry;

/// <summary>One measured round: <c>concurrency</c> callers each awaiting one call after another for a fixed time.</summary>
internal static class LoadRound
{
    public static async Task<RoundResult> RunAsync(Func<Task> call, int concurrency, TimeSpan duration, ServerProcess server)
    {
        var cpuBefore = server.CpuTime();
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
        var calls = counts.Sum();
        var cpu = server.CpuTime() - cpuBefore;
        return new RoundResult(calls, calls / stopwatch.Elapsed.TotalSeconds, cpu.TotalMicroseconds / Math.Max(1, calls));
    }
}

/// <param name="Calls">Calls completed.</param>
/// <param name="PerSecond">Calls per second.</param>
/// <param name="ServerCpuMicroseconds">Server CPU time per call.</param>
internal sealed record RoundResult(long Calls, double PerSecond, double ServerCpuMicroseconds);
