using System.Diagnostics;
using System.Globalization;
using Directives.Bench.Transport.Measure;

namespace Directives.Bench.Transport;

/// <summary>
/// The load generator (h2load, and our client in this process) runs on its own core, the server on another.
/// This process re-executes itself under <c>taskset</c> so that the runtime sizes itself for that one core, and
/// in a session of its own under <c>nice</c> when asked (the server and h2load, its children, inherit both).
/// </summary>
internal static class CpuPinning
{
    private const string ReexecutedVariable = "DIRECTIVES_BENCH_PINNED";

    public static bool ShouldReexec(BenchOptions options) =>
        (options.Pin || options.Niceness is not null) && Environment.GetEnvironmentVariable(ReexecutedVariable) != "1";

    /// <summary>
    /// With autogroup scheduling (kernel.sched_autogroup_enabled) a niceness only weighs within the session's
    /// group, against the rest of the machine the group's own niceness counts: set it too.
    /// </summary>
    public static void ApplySessionNiceness(BenchOptions options)
    {
        if (options.Niceness is not { } niceness || !File.Exists("/proc/self/autogroup"))
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/autogroup", niceness.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("Could not set the session's niceness: " + ex.Message);
        }
    }

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
            // A session of its own, so that ApplySessionNiceness gives the benchmark alone its own scheduling group.
            command.AddRange(["setsid", "--wait", "nice", "-n", niceness.ToString(CultureInfo.InvariantCulture)]);
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
