using System.Diagnostics;
using Directives.Bench.Transport.Measure;
using Directives.Bench.Transport.Protos;

namespace Directives.Bench.Transport.Load;

/// <summary>
/// Unary echo driven by our own client: <c>callers</c> tasks each awaiting one call after another on one
/// <see cref="Grpc.Net.Client.GrpcChannel"/>. Latency is timed per call around the awaited call; what the client
/// allocates is this process's allocations over the window (latency samples included, 8 bytes a call).
/// </summary>
internal static class ClientLoad
{
    public static async Task<LoadResult> RunAsync(BenchService.BenchServiceClient client, int callers, TimeSpan warmup, TimeSpan duration, ServerWindow window)
    {
        var state = new State();
        var workers = new Task<List<long>>[callers];
        for (var i = 0; i < callers; i++)
        {
            workers[i] = Task.Run(() => CallLoopAsync(client, state));
        }

        await Task.Delay(warmup);
        await window.StartAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        state.Measuring = true;
        await Task.Delay(duration);
        state.Measuring = false;
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var usage = await window.StopAsync();
        state.Stopping = true;

        var samples = new List<double>();
        foreach (var worker in await Task.WhenAll(workers))
        {
            samples.AddRange(worker.Select(ticks => ticks * 1_000_000.0 / Stopwatch.Frequency));
        }

        var latencies = Latencies.FromMicroseconds(samples);
        return new LoadResult(latencies.Count / elapsed.TotalSeconds, latencies.Count, latencies, usage, usage.SelfCpu, allocated);
    }

    private static async Task<List<long>> CallLoopAsync(BenchService.BenchServiceClient client, State state)
    {
        var samples = new List<long>(4096);
        var request = Payloads.EchoRequest;
        while (!state.Stopping)
        {
            var start = Stopwatch.GetTimestamp();
            await client.EchoAsync(request);
            var end = Stopwatch.GetTimestamp();
            if (state.Measuring)
            {
                samples.Add(end - start);
            }
        }

        return samples;
    }

    private sealed class State
    {
        public volatile bool Measuring;
        public volatile bool Stopping;
    }
}

/// <summary>One measured cell: operations per second, latencies when measured, server usage, load generator CPU.</summary>
internal sealed record LoadResult(double Rate, long Operations, Latencies? Latencies, ServerUsage Server, TimeSpan LoadCpu, long? ClientAllocatedBytes = null);
