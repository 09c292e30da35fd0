using System.Diagnostics;
using System.Globalization;
using Directives.Bench.Transport.Measure;

namespace Directives.Bench.Transport;

/// <summary>
/// The load generator (h2load, and our client in this process) runs on its own core, the server on another.
/// This process re-executes itself under <c>taskset</c> so that the runtime sizes itself for that one core, and
/// under <c>nice</c> when asked (the server and h2load, its children, inherit the niceness).
/// </summary>
internal static class CpuPinning
{
    private const string ReexecutedVariable = "DIRECTIVES_BENCH_PINNED";

    public static bool ShouldReexec(BenchOptions options) =>
        (options.Pin || options.Niceness is not null) && Environment.GetEnvironmentVariable(ReexecutedVariable) != "1";

    public static async Task<int> ReexecPinnedAsync(BenchOptions options, string[] args)
    {
        if (options.Pin && (Math.Max(options.ServerCpu, options.LoadCpu) >= Environment.ProcessorCount || options.ServerCpu == options.LoadCpu))
        {
            Console.Error.WriteLine("Pinning needs two distinct cores below " + Environment.ProcessorCount + "; use --no-pin.");
            return 2;
        }

        var command = new List<string>();
        if (options.Niceness is { } niceness)
        {
            command.AddRange(["nice", "-n", niceness.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.Pin)
        {
            command.AddRange(["taskset", "-c", options.LoadCpu.ToString(CultureInfo.InvariantCulture)]);
        }

        var info = new ProcessStartInfo { FileName = command[0], UseShellExecute = false };
        foreach (var part in command.Skip(1))
        {
            info.ArgumentList.Add(part);
        }

        SelfCommand.AddTo(info, first: false);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[ReexecutedVariable] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + command[0] + ".");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
