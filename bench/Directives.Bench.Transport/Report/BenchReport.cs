using System.Globalization;
using System.Text;
using Directives.Bench.Transport.Load;

namespace Directives.Bench.Transport.Report;

/// <summary>The benchmark's report: environment, one table per measurement, the targets, and every run's figures.</summary>
internal sealed class BenchReport(BenchOptions options, IReadOnlyList<RunResult> runs, string environment)
{
    private const double TargetThroughputRatio = 0.85;
    private const double TargetAllocationBytes = 1024;
    private const double TargetP99Micros = 250;

    private readonly StringBuilder _text = new();

    public override string ToString()
    {
        _text.Clear();
        _text.Append("## Transport benchmark results\n\n").Append(environment).Append('\n');
        if (options.Has("h2load"))
        {
            UnaryTable("h2load", "Unary echo driven by h2load (pre-encoded frame; p50/p99 from h2load's per-request log)", BenchRun.H2LoadShapes);
        }

        if (options.Has("client"))
        {
            UnaryTable("client", "Unary echo driven by our client (GrpcChannel, one caller task per stream; p50/p99 from every call timed)", BenchRun.ClientShapes);
        }

        if (options.Has("stream"))
        {
            StreamingTable();
        }

        if (options.Has("h2load") || options.Has("client") || options.Has("stream"))
        {
            ResourcesTable();
        }

        if (options.Has("h2load"))
        {
            BreakdownTable();
        }

        if (options.Has("alloc"))
        {
            AllocationTable();
        }

        Targets();
        PerRunTable();
        return _text.ToString();
    }

    private void UnaryTable(string driver, string title, LoadShape[] shapes)
    {
        var table = new MarkdownTable("streams (conns×streams)", "gRPC req/s", "raw req/s", "gRPC/raw", "gRPC/raw by server CPU", "gRPC p50 µs", "gRPC p99 µs", "raw p50 µs", "raw p99 µs");
        foreach (var shape in shapes)
        {
            table.Add(
                shape.Label,
                Over(driver, shape, Target.Grpc, cell => cell.Load.Rate).Format("N0"),
                Over(driver, shape, Target.Raw, cell => cell.Load.Rate).Format("N0"),
                Ratio(driver, shape).Format("P1"),
                CpuRatio(driver, shape).Format("P1"),
                Over(driver, shape, Target.Grpc, cell => cell.Load.Latencies!.P50).Format("F0"),
                Over(driver, shape, Target.Grpc, cell => cell.Load.Latencies!.P99).Format("F0"),
                Over(driver, shape, Target.Raw, cell => cell.Load.Latencies!.P50).Format("F0"),
                Over(driver, shape, Target.Raw, cell => cell.Load.Latencies!.P99).Format("F0"));
        }

        Section(title + ". gRPC/raw by server CPU = raw's server CPU per request over gRPC's: the throughput ratio a dedicated, saturated core would give, and robust to a busy machine", table);
    }

    private void StreamingTable()
    {
        var shape = new LoadShape(1, 1);
        var table = new MarkdownTable("endpoint", "messages/s", "MiB/s", "gRPC/raw", "server CPU %", "server CPU µs/msg", "server alloc B/msg", "client CPU %", "client alloc B/msg");
        foreach (var target in new[] { Target.Grpc, Target.Raw })
        {
            table.Add(
                Name(target),
                Over("stream", shape, target, cell => cell.Load.Rate).Format("N0"),
                Over("stream", shape, target, cell => cell.Load.Rate * Payloads.StreamPayloadSize / (1024 * 1024)).Format("F1"),
                target == Target.Grpc ? Ratio("stream", shape).Format("P1") : "",
                Over("stream", shape, target, cell => cell.Load.Server.CpuPercent).Format("F0"),
                Over("stream", shape, target, cell => cell.CpuMicrosPerOperation).Format("F2"),
                Over("stream", shape, target, cell => cell.AllocatedBytesPerOperation).Format("F0"),
                Over("stream", shape, target, cell => cell.LoadCpuPercent).Format("F0"),
                Over("stream", shape, target, cell => cell.ClientAllocatedBytesPerOperation).Format("F0"));
        }

        Section("Server streaming, 1 KiB messages (payload 1024 B; frame " + Payloads.Frame(Payloads.StreamChunk).Length + " B), our client reading one stream", table);
    }

    private void ResourcesTable()
    {
        var table = new MarkdownTable("load", "streams", "endpoint", "server CPU %", "server CPU µs/req", "server alloc B/req", "server peak RSS MiB", "load generator CPU %", "load generator CPU µs/req", "client alloc B/req");
        foreach (var (driver, shapes) in new[] { ("h2load", BenchRun.H2LoadShapes), ("client", BenchRun.ClientShapes) })
        {
            if (!options.Has(driver))
            {
                continue;
            }

            foreach (var shape in shapes)
            {
                foreach (var target in new[] { Target.Grpc, Target.Raw })
                {
                    table.Add(
                        driver,
                        shape.Label,
                        Name(target),
                        Over(driver, shape, target, cell => cell.Load.Server.CpuPercent).Format("F0"),
                        Over(driver, shape, target, cell => cell.CpuMicrosPerOperation).Format("F1"),
                        Over(driver, shape, target, cell => cell.AllocatedBytesPerOperation).Format("F0"),
                        Over(driver, shape, target, cell => cell.Load.Server.PeakRss / (1024.0 * 1024)).Format("F0"),
                        Over(driver, shape, target, cell => cell.LoadCpuPercent).Format("F0"),
                        Over(driver, shape, target, cell => cell.LoadCpuMicrosPerOperation).Format("F1"),
                        Over(driver, shape, target, cell => cell.ClientAllocatedBytesPerOperation).Format("F0"));
                }
            }
        }

        var peak = runs.All(run => run.PerCellPeakRss)
            ? "Peak RSS is per cell (VmHWM reset through /proc/<pid>/clear_refs before each cell; one process serves both endpoints, so it includes the heap the other endpoint left)."
            : "Peak RSS is the server process's peak so far (VmHWM could not be reset per cell here).";
        Section("Resources per unary cell. CPU from /proc/<pid>/stat deltas, 100 % = the one core a process is pinned to; at low concurrency much of it is the .NET thread pool spinning (sched_yield) while it waits for work, so CPU µs/req means work only where the process is saturated. Allocations from GC.GetTotalAllocatedBytes deltas over the cell (the server's include connection setup; the client's include its 8-byte latency sample). " + peak, table);
    }

    private void BreakdownTable()
    {
        const string Driver = "h2load";
        var shape = BenchRun.BreakdownShape;
        var table = new MarkdownTable("endpoint", "req/s", "server CPU µs/req", "vs raw µs/req", "server alloc B/req", "vs raw B/req");
        foreach (var (target, name) in new[] { (Target.Raw, "raw Kestrel (the ceiling)"), (Target.RoutedRaw, "raw behind endpoint routing"), (Target.Grpc, "gRPC") })
        {
            table.Add(
                name,
                Over(Driver, shape, target, cell => cell.Load.Rate).Format("N0"),
                Over(Driver, shape, target, cell => cell.CpuMicrosPerOperation).Format("F1"),
                target == Target.Raw ? "" : Delta(target, cell => cell.CpuMicrosPerOperation).Format("F1"),
                Over(Driver, shape, target, cell => cell.AllocatedBytesPerOperation).Format("F0"),
                target == Target.Raw ? "" : Delta(target, cell => cell.AllocatedBytesPerOperation).Format("F0"));
        }

        table.Add(
            "of gRPC: the app's own work (protobuf parse and write, reply, Task; in-process, one thread)",
            "",
            Spread.Of(runs.Select(run => run.AppWork.CpuMicrosPerCall)).Format("F1"),
            "",
            Spread.Of(runs.Select(run => run.AppWork.BytesPerCall)).Format("F0"),
            "");
        Section("Where the gap goes: h2load " + shape.Label + ", server CPU per request (1 s warm-up, then the cell; 10 ms CPU-time resolution)", table);

        Spread Delta(Target target, Func<CellResult, double> figure) => Spread.Of(runs.Select(run =>
        {
            var cells = run.Cells.Where(cell => cell.Driver == Driver && cell.Shape == shape).ToList();
            var measured = cells.FirstOrDefault(cell => cell.Target == target);
            var raw = cells.FirstOrDefault(cell => cell.Target == Target.Raw);
            return measured is null || raw is null ? double.NaN : figure(measured) - figure(raw);
        }));
    }

    private void AllocationTable()
    {
        var grpc = Spread.Of(runs.Select(run => Allocation(run, Target.Grpc)));
        var raw = Spread.Of(runs.Select(run => Allocation(run, Target.Raw)));
        var beyond = Spread.Of(runs.Select(run => Allocation(run, Target.Grpc) - Allocation(run, Target.Raw)));
        var app = Spread.Of(runs.Select(run => run.AppWork.BytesPerCall));
        var transport = Spread.Of(runs.Select(run => Allocation(run, Target.Grpc) - Allocation(run, Target.Raw) - run.AppWork.BytesPerCall));
        var table = new MarkdownTable("gRPC B/call", "raw B/call", "beyond Kestrel's own (gRPC − raw)", "of which the app (request, reply, Task)", "of which the transport");
        table.Add(grpc.Format("F0"), raw.Format("F0"), beyond.Format("F0"), app.Format("F0"), transport.Format("F0"));
        Section("Server allocations per unary call (GC.GetTotalAllocatedBytes(precise) delta over " + options.AllocationCalls.ToString("N0", CultureInfo.InvariantCulture) + " h2load calls, 1 connection × 16 streams; the app's share measured in-process)", table);
    }

    private void Targets()
    {
        _text.Append("### Targets (medians)\n\n");
        if (options.Has("h2load"))
        {
            var ratio = Ratio("h2load", new LoadShape(1, 64));
            var ratio4 = Ratio("h2load", new LoadShape(4, 16));
            var cpuRatio = CpuRatio("h2load", new LoadShape(1, 64));
            Line("unary throughput ≥ 85 % of the raw Kestrel HTTP/2 ceiling at 64 streams", ratio.Median >= TargetThroughputRatio,
                "h2load 1×64: " + ratio.Format("P1") + " (by server CPU per request: " + cpuRatio.Format("P1") + "); 4×16: " + ratio4.Format("P1")
                + " (by CPU: " + CpuRatio("h2load", new LoadShape(4, 16)).Format("P1") + ")");
            var p99 = Over("h2load", new LoadShape(1, 1), Target.Grpc, cell => cell.Load.Latencies!.P99);
            var clientP99 = options.Has("client") ? "; our client: " + Over("client", new LoadShape(1, 1), Target.Grpc, cell => cell.Load.Latencies!.P99).Format("F0") + " µs" : "";
            Line("p99 ≤ 250 µs at 1 stream", p99.Median <= TargetP99Micros, "h2load: " + p99.Format("F0") + " µs" + clientP99);
        }

        if (options.Has("alloc"))
        {
            var beyond = Spread.Of(runs.Select(run => Allocation(run, Target.Grpc) - Allocation(run, Target.Raw)));
            Line("server allocations ≤ 1 KiB per unary call beyond Kestrel's own", beyond.Median <= TargetAllocationBytes, beyond.Format("F0") + " B");
        }

        _text.Append('\n');
    }

    private void PerRunTable()
    {
        var table = new MarkdownTable("run", "load avg before/after, server errors", "cell", "gRPC /s", "raw /s", "gRPC/raw", "gRPC p50/p99 µs", "raw p50/p99 µs", "methods JIT'd gRPC/raw");
        foreach (var run in runs)
        {
            var loadAverage = run.LoadBefore.ToString("F2", CultureInfo.InvariantCulture) + " / " + run.LoadAfter.ToString("F2", CultureInfo.InvariantCulture) + ", " + run.ServerErrors;
            foreach (var group in run.Cells.Where(cell => cell.Target != Target.RoutedRaw).GroupBy(cell => (cell.Driver, cell.Shape)))
            {
                var grpc = group.Single(cell => cell.Target == Target.Grpc);
                var raw = group.Single(cell => cell.Target == Target.Raw);
                table.Add(
                    run.Index.ToString(CultureInfo.InvariantCulture),
                    loadAverage,
                    group.Key.Driver + " " + group.Key.Shape.Label,
                    grpc.Load.Rate.ToString("N0", CultureInfo.InvariantCulture),
                    raw.Load.Rate.ToString("N0", CultureInfo.InvariantCulture),
                    (grpc.Load.Rate / raw.Load.Rate).ToString("P1", CultureInfo.InvariantCulture),
                    Latency(grpc.Load.Latencies),
                    Latency(raw.Load.Latencies),
                    grpc.Load.Server.CompiledMethods + " / " + raw.Load.Server.CompiledMethods);
            }

            if (run.Allocations.Count == 2)
            {
                table.Add(run.Index.ToString(CultureInfo.InvariantCulture), loadAverage, "alloc B/call",
                    Allocation(run, Target.Grpc).ToString("F0", CultureInfo.InvariantCulture), Allocation(run, Target.Raw).ToString("F0", CultureInfo.InvariantCulture), "", "", "", "");
            }
        }

        Section("Every run (methods JIT'd: compiled by the server's JIT during the measured cell; warm-up runs until two rounds in a row compile at most 5 each)", table);

        static string Latency(Latencies? latencies) => latencies is null
            ? ""
            : latencies.P50.ToString("F0", CultureInfo.InvariantCulture) + " / " + latencies.P99.ToString("F0", CultureInfo.InvariantCulture);
    }

    private Spread Over(string driver, LoadShape shape, Target target, Func<CellResult, double> figure) =>
        Spread.Of(runs.SelectMany(run => run.Cells).Where(cell => cell.Driver == driver && cell.Shape == shape && cell.Target == target).Select(figure));

    /// <summary>gRPC over raw within each run (the ceiling measured in the same run), then over the runs.</summary>
    private Spread Ratio(string driver, LoadShape shape) => Spread.Of(runs.Select(run =>
    {
        var cells = run.Cells.Where(cell => cell.Driver == driver && cell.Shape == shape).ToList();
        var grpc = cells.FirstOrDefault(cell => cell.Target == Target.Grpc);
        var raw = cells.FirstOrDefault(cell => cell.Target == Target.Raw);
        return grpc is null || raw is null ? double.NaN : grpc.Load.Rate / raw.Load.Rate;
    }));

    /// <summary>Raw's server CPU per request over gRPC's, within each run, then over the runs.</summary>
    private Spread CpuRatio(string driver, LoadShape shape) => Spread.Of(runs.Select(run =>
    {
        var cells = run.Cells.Where(cell => cell.Driver == driver && cell.Shape == shape).ToList();
        var grpc = cells.FirstOrDefault(cell => cell.Target == Target.Grpc);
        var raw = cells.FirstOrDefault(cell => cell.Target == Target.Raw);
        return grpc is null || raw is null ? double.NaN : raw.CpuMicrosPerOperation / grpc.CpuMicrosPerOperation;
    }));

    private static double Allocation(RunResult run, Target target) =>
        run.Allocations.FirstOrDefault(allocation => allocation.Target == target)?.BytesPerCall ?? double.NaN;

    private static string Name(Target target) => target == Target.Grpc ? "gRPC" : "raw";

    private void Line(string target, bool met, string reached) =>
        _text.Append("- ").Append(met ? "MET" : "NOT MET").Append(" — ").Append(target).Append(": ").Append(reached).Append('\n');

    private void Section(string title, MarkdownTable table) =>
        _text.Append("### ").Append(title).Append("\n\n").Append(table).Append('\n');
}
