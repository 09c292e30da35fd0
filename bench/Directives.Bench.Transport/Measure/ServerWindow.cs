using System.Diagnostics;

namespace Directives.Bench.Transport.Measure;

/// <summary>
/// A measured interval of the server: its CPU time, the bytes it allocated and its peak RSS over the interval,
/// the methods its JIT compiled meanwhile (a warm server compiles none), and the CPU time this process (the load
/// generator, when it is our client) used meanwhile.
/// </summary>
internal sealed class ServerWindow(ServerProcess server, long allocationQueryCost)
{
    private long _started;
    private ServerCounters _counters;
    private TimeSpan _serverCpu;
    private TimeSpan _selfCpu;

    public async Task StartAsync()
    {
        server.ResetPeakRss();
        _counters = await server.CountersAsync();
        _serverCpu = server.CpuTime();
        _selfCpu = ProcStat.CpuTime(Environment.ProcessId);
        _started = Stopwatch.GetTimestamp();
    }

    public async Task<ServerUsage> StopAsync()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var serverCpu = server.CpuTime() - _serverCpu;
        var selfCpu = ProcStat.CpuTime(Environment.ProcessId) - _selfCpu;
        var counters = await server.CountersAsync();
        var allocated = counters.AllocatedBytes - _counters.AllocatedBytes - allocationQueryCost;
        return new ServerUsage(elapsed, serverCpu, Math.Max(0, allocated), server.PeakRss(), selfCpu, counters.CompiledMethods - _counters.CompiledMethods);
    }
}

/// <summary>What the server used over a window.</summary>
internal sealed record ServerUsage(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long PeakRss, TimeSpan SelfCpu, long CompiledMethods)
{
    public double CpuPercent => 100 * Cpu / Elapsed;
}
