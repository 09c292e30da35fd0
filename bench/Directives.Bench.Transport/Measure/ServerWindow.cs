using System.Diagnostics;

namespace Directives.Bench.Transport.Measure;

/// <summary>
/// A measured interval of the server: its CPU time, the bytes it allocated and its peak RSS over the interval,
/// and the CPU time this process (the load generator, when it is our client) used meanwhile.
/// </summary>
internal sealed class ServerWindow(ServerProcess server, long allocationQueryCost)
{
    private long _started;
    private long _allocated;
    private TimeSpan _serverCpu;
    private TimeSpan _selfCpu;

    public async Task StartAsync()
    {
        server.ResetPeakRss();
        _allocated = await server.AllocatedBytesAsync();
        _serverCpu = server.CpuTime();
        _selfCpu = ProcStat.CpuTime(Environment.ProcessId);
        _started = Stopwatch.GetTimestamp();
    }

    public async Task<ServerUsage> StopAsync()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var serverCpu = server.CpuTime() - _serverCpu;
        var selfCpu = ProcStat.CpuTime(Environment.ProcessId) - _selfCpu;
        var allocated = await server.AllocatedBytesAsync() - _allocated - allocationQueryCost;
        return new ServerUsage(elapsed, serverCpu, Math.Max(0, allocated), server.PeakRss(), selfCpu);
    }
}

/// <summary>What the server used over a window.</summary>
internal sealed record ServerUsage(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long PeakRss, TimeSpan SelfCpu)
{
    public double CpuPercent => 100 * Cpu / Elapsed;
}
