using System.Diagnostics;
using System.Globalization;
using Directives.Bench.Transport.Measure;

namespace Directives.Bench.Transport;

/// <summary>
/// The load generator (h2load, and our client in this process) runs on its own core, the server on another.
/// This process re-executes itself under <c>taskset</c> so that the runtime sizes itself for that one core.
/// </summary>
internal static class CpuPinning
{
    private const string PinnedVariable = "DIRECTIVES_BENCH_PINNED";

    public static bool ShouldReexec(BenchOptions options) =>
        options.Pin && Environment.GetEnvironmentVariable(PinnedVariable) != "1";

    public static async Task<int> ReexecPinnedAsync(BenchOptions options, string[] args)
    {
        if (Math.Max(options.ServerCpu, options.LoadCpu) >= Environment.ProcessorCount || options.ServerCpu == options.LoadCpu)
        {
            Console.Error.WriteLine("Pinning needs two distinct cores below " + Environment.ProcessorCount + "; use --no-pin.");
            return 2;
        }

        var info = new ProcessStartInfo { FileName = "taskset", UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(options.LoadCpu.ToString(CultureInfo.InvariantCulture));
        SelfCommand.AddTo(info, first: false);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[PinnedVariable] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start taskset.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
