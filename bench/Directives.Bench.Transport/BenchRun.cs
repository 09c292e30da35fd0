using Directives.Bench.Transport.Load;
using Directives.Bench.Transport.Measure;
using Directives.Bench.Transport.Protos;
using Grpc.Net.Client;

namespace Directives.Bench.Transport;

/// <summary>
/// One run against a fresh server process: a warm-up, then every cell with gRPC and raw alternating
/// (which goes first flips from one load shape to the next and from one run to the next).
/// </summary>
internal sealed class BenchRun(BenchOptions options, int index, string frameFile, string workDirectory)
{
    public static readonly LoadShape[] H2LoadShapes = [new(1, 1), new(1, 16), new(1, 64), new(4, 16), new(4, 64)];
    public static readonly LoadShape[] ClientShapes = [new(1, 1), new(1, 16), new(1, 64), new(1, 256)];

    /// <summary>Where the raw endpoint behind routing is measured too (h2load only): the target's cell.</summary>
    public static readonly LoadShape BreakdownShape = new(1, 64);

    private const int SettledCompiledMethods = 5;
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    private readonly List<CellResult> _cells = [];
    private readonly List<AllocationResult> _allocations = [];
    private ServerProcess _server = null!;
    private long _allocationQueryCost;

    public static TimeSpan EstimatedDuration(BenchOptions options)
    {
        var cell = options.Warmup + options.Duration + TimeSpan.FromSeconds(0.3);
        var cells = (options.Has("h2load") ? (H2LoadShapes.Length * 2) + 1 : 0) + (options.Has("client") ? ClientShapes.Length * 2 : 0) + (options.Has("stream") ? 2 : 0);
        return (cell * cells) + TimeSpan.FromSeconds(30) + (options.Has("alloc") ? TimeSpan.FromSeconds(2 * options.AllocationCalls / 20_000.0) : TimeSpan.Zero);
    }

    public async Task<RunResult> RunAsync(Action<string> log)
    {
        var loadBefore = ProcStat.LoadAverage();
        _server = await ServerProcess.StartAsync(options);
        await using (_server)
        {
            await ResponseCheck.VerifyAsync(_server, await File.ReadAllBytesAsync(frameFile));
            var first = await _server.CountersAsync();
            _allocationQueryCost = (await _server.CountersAsync()).AllocatedBytes - first.AllocatedBytes;
            await WarmUpAsync(log);

            if (options.Has("h2load"))
            {
                await EachShapeAsync(H2LoadShapes, "h2load", H2LoadCellAsync, log);
            }

            if (options.Has("client"))
            {
                await EachShapeAsync(ClientShapes, "client", ClientCellAsync, log);
            }

            if (options.Has("stream"))
            {
                await EachShapeAsync([new(1, 1)], "stream", StreamCellAsync, log);
            }

            if (options.Has("alloc"))
            {
                foreach (var target in Order(0))
                {
                    _allocations.Add(await AllocationAsync(target));
                    log("  alloc  " + target + ": " + _allocations[^1].BytesPerCall.ToString("F0") + " B/call");
                }
            }
        }

        var loadAfter = ProcStat.LoadAverage();
        if (_server.LoggedErrors > 0)
        {
            log("  the server logged " + _server.LoggedErrors + " error(s); the first lines:\n" + _server.FirstLogLines);
        }

        return new RunResult(index, loadBefore, loadAfter, _cells, _allocations, AppWork.Measure(), _server.PerCellPeakRss, _server.LoggedErrors);
    }

    private async Task EachShapeAsync(LoadShape[] shapes, string driver, Func<LoadShape, Target, Task<LoadResult>> cell, Action<string> log)
    {
        for (var i = 0; i < shapes.Length; i++)
        {
            foreach (var target in Targets(driver, shapes[i], i))
            {
                var result = new CellResult(driver, shapes[i], target, await cell(shapes[i], target));
                _cells.Add(result);
                log("  " + driver + " " + shapes[i].Label + " " + target + ": " + result.Load.Rate.ToString("F0") + "/s"
                    + (result.Load.Latencies is { } l ? ", p50 " + l.P50.ToString("F0") + " µs, p99 " + l.P99.ToString("F0") + " µs" : "")
                    + ", server CPU " + result.Load.Server.CpuPercent.ToString("F0") + "%, " + result.Load.Server.CompiledMethods + " methods JIT-compiled");
            }
        }
    }

    private IEnumerable<Target> Order(int shapeIndex) =>
        (index + shapeIndex) % 2 == 0 ? [Target.Grpc, Target.Raw] : [Target.Raw, Target.Grpc];

    private IEnumerable<Target> Targets(string driver, LoadShape shape, int shapeIndex)
    {
        var order = Order(shapeIndex).ToList();
        if (driver == "h2load" && shape == BreakdownShape)
        {
            order.Insert(1, Target.RoutedRaw);
        }

        return order;
    }

    private Uri EchoUri(Target target) => new("http://127.0.0.1:" + Port(target) + Payloads.EchoPath);

    private int Port(Target target) => _server.Port(target);

    private ServerWindow NewWindow() => new(_server, _allocationQueryCost);

    /// <summary>
    /// Every endpoint under every kind of load, round after round, until two rounds in a row make the JIT compile
    /// (almost) nothing: tiered compilation has then settled and will not eat into the measured cells.
    /// </summary>
    private async Task WarmUpAsync(Action<string> log)
    {
        var started = DateTime.UtcNow;
        var settledRounds = 0;
        for (var round = 1; ; round++)
        {
            var before = (await _server.CountersAsync()).CompiledMethods;
            await WarmUpRoundAsync();
            var compiled = (await _server.CountersAsync()).CompiledMethods - before;
            settledRounds = compiled <= SettledCompiledMethods ? settledRounds + 1 : 0;
            if (settledRounds == 2 || DateTime.UtcNow - started > MaxWarmUp)
            {
                log("  warm-up: " + round + " rounds, " + (DateTime.UtcNow - started).TotalSeconds.ToString("F0") + " s; the last compiled " + compiled + " methods");
                return;
            }
        }
    }

    private async Task WarmUpRoundAsync()
    {
        var second = TimeSpan.FromSeconds(1);
        await RunForAsync(Target.RoutedRaw, new LoadShape(1, 16), second);
        foreach (var target in Order(0))
        {
            await RunForAsync(target, new LoadShape(1, 16), second);
            await RunForAsync(target, new LoadShape(4, 64), second);
            using var channel = CreateChannel(target);
            var client = new BenchService.BenchServiceClient(channel);
            await ClientLoad.RunAsync(client, 16, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.5), NewWindow());
            await ClientLoad.RunAsync(client, 1, TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.2), NewWindow());
            await StreamingLoad.RunAsync(client, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.3), NewWindow());
        }
    }

    private async Task<LoadResult> H2LoadCellAsync(LoadShape shape, Target target)
    {
        var warmup = await RunForAsync(target, shape, options.Warmup);
        var logFile = Path.Combine(workDirectory, "h2load.log");
        var window = NewWindow();
        await window.StartAsync();
        var result = await RunForAsync(target, shape, options.Duration, warmup.RequestsPerSecond, logFile);
        var usage = await window.StopAsync();
        CheckResponseBytes(result);
        File.Delete(logFile);
        return new LoadResult(result.RequestsPerSecond, result.Done, result.Latencies, usage, result.LoadCpu);
    }

    /// <summary>h2load for about <paramref name="duration"/>: as many requests as the rate measured (or probed) allows.</summary>
    private async Task<H2LoadResult> RunForAsync(Target target, LoadShape shape, TimeSpan duration, double? rate = null, string? logFile = null)
    {
        var minimum = Math.Max(200, 4 * shape.Streams);
        rate ??= (await H2Load.RunAsync(new H2LoadRequest(EchoUri(target), frameFile, shape, minimum))).RequestsPerSecond;
        var requests = (int)Math.Clamp(rate.Value * duration.TotalSeconds, minimum, int.MaxValue / 2);
        return await H2Load.RunAsync(new H2LoadRequest(EchoUri(target), frameFile, shape, requests, logFile));
    }

    private async Task<LoadResult> ClientCellAsync(LoadShape shape, Target target)
    {
        using var channel = CreateChannel(target);
        return await ClientLoad.RunAsync(new BenchService.BenchServiceClient(channel), shape.Streams, options.Warmup, options.Duration, NewWindow());
    }

    private async Task<LoadResult> StreamCellAsync(LoadShape shape, Target target)
    {
        using var channel = CreateChannel(target);
        return await StreamingLoad.RunAsync(new BenchService.BenchServiceClient(channel), options.Warmup, options.Duration, NewWindow());
    }

    private async Task<AllocationResult> AllocationAsync(Target target)
    {
        var request = new H2LoadRequest(EchoUri(target), frameFile, new LoadShape(1, 16), options.AllocationCalls);
        await H2Load.RunAsync(request with { Requests = 1000 });
        var window = NewWindow();
        await window.StartAsync();
        var result = await H2Load.RunAsync(request);
        var usage = await window.StopAsync();
        CheckResponseBytes(result);
        return new AllocationResult(target, result.Done, usage.AllocatedBytes);
    }

    private GrpcChannel CreateChannel(Target target) => GrpcChannel.ForAddress("http://127.0.0.1:" + Port(target));

    /// <summary>Every response carried the echo frame: a failed gRPC call would still be HTTP 200 to h2load.</summary>
    private static void CheckResponseBytes(H2LoadResult result)
    {
        var expected = Payloads.Frame(Payloads.EchoReply).Length * result.Done;
        if (result.DataBytes < expected)
        {
            throw new InvalidOperationException("h2load received " + result.DataBytes + " body bytes for " + result.Done + " responses; expected " + expected + ".");
        }
    }
}
