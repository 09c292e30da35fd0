using Directives.Bench.Transport.Load;
using Directives.Bench.Transport.Measure;

namespace Directives.Bench.Transport;

internal enum Target
{
    Grpc,
    Raw,

    /// <summary>The raw endpoint behind endpoint routing: what routing alone adds to the ceiling.</summary>
    RoutedRaw,
}

/// <summary>One measured cell of a run: which load generator, how many streams, which endpoint.</summary>
internal sealed record CellResult(string Driver, LoadShape Shape, Target Target, LoadResult Load)
{
    public double CpuMicrosPerOperation => Load.Server.Cpu.TotalMicroseconds / Load.Operations;

    public double AllocatedBytesPerOperation => Load.Server.AllocatedBytes / (double)Load.Operations;

    public double LoadCpuPercent => 100 * Load.LoadCpu / Load.Server.Elapsed;

    public double LoadCpuMicrosPerOperation => Load.LoadCpu.TotalMicroseconds / Load.Operations;

    /// <summary>What our client allocated per operation (NaN when the load generator is h2load).</summary>
    public double ClientAllocatedBytesPerOperation => Load.ClientAllocatedBytes is { } bytes ? bytes / (double)Load.Operations : double.NaN;
}

/// <summary>The server's allocations over a fixed number of unary calls.</summary>
internal sealed record AllocationResult(Target Target, long Calls, long Bytes)
{
    public double BytesPerCall => Bytes / (double)Calls;
}

/// <summary>Everything one run measured, with the machine's load average around it.</summary>
internal sealed record RunResult(int Index, double LoadBefore, double LoadAfter, IReadOnlyList<CellResult> Cells, IReadOnlyList<AllocationResult> Allocations, AppWorkResult AppWork, bool PerCellPeakRss, int ServerErrors);
