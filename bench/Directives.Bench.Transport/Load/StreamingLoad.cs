using System.Diagnostics;
using Directives.Bench.Transport.Measure;
using Directives.Bench.Transport.Protos;
using Grpc.Core;

namespace Directives.Bench.Transport.Load;

/// <summary>Server streaming driven by our own client: one call reading 1 KiB messages as fast as they come.</summary>
internal static class StreamingLoad
{
    public static async Task<LoadResult> RunAsync(BenchService.BenchServiceClient client, TimeSpan warmup, TimeSpan duration, ServerWindow window)
    {
        using var stop = new CancellationTokenSource();
        using var call = client.Stream(Payloads.StreamRequest, cancellationToken: stop.Token);
        var counter = new Counter();
        var reader = Task.Run(() => ReadAllAsync(call.ResponseStream, counter, stop.Token));

        await Task.Delay(warmup);
        await window.StartAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var before = Volatile.Read(ref counter.Messages);
        await Task.Delay(duration);
        var messages = Volatile.Read(ref counter.Messages) - before;
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var usage = await window.StopAsync();

        await stop.CancelAsync();
        await reader;
        return new LoadResult(messages / elapsed.TotalSeconds, messages, null, usage, usage.SelfCpu, allocated);
    }

    private static async Task ReadAllAsync(IAsyncStreamReader<Chunk> stream, Counter counter, CancellationToken stop)
    {
        try
        {
            while (await stream.MoveNext(stop))
            {
                if (stream.Current.Payload.Length != Payloads.StreamPayloadSize)
                {
                    throw new InvalidOperationException("Unexpected chunk size " + stream.Current.Payload.Length + ".");
                }

                Volatile.Write(ref counter.Messages, counter.Messages + 1);
            }

            throw new InvalidOperationException("The stream ended before the client stopped reading.");
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException)
        {
        }
    }

    private sealed class Counter
    {
        public long Messages;
    }
}
