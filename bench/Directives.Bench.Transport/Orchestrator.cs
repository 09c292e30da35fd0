using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Directives.Bench.Transport.Measure;
using Directives.Bench.Transport.Report;

namespace Directives.Bench.Transport;

/// <summary>Waits for a quiet machine if asked, runs the runs, and prints the report.</summary>
internal static class Orchestrator
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        if (options.WaitForQuietBelow is { } limit)
        {
            await WaitForQuietAsync(limit, options.MaxWait);
        }

        var workDirectory = Directory.CreateTempSubdirectory("directives-bench-").FullName;
        try
        {
            var frameFile = Path.Combine(workDirectory, "echo.frame");
            await File.WriteAllBytesAsync(frameFile, Payloads.Frame(Payloads.EchoRequest));
            var estimate = BenchRun.EstimatedDuration(options) * options.Runs;
            Log("Transport benchmark: " + options.Runs + " run(s), about " + Math.Ceiling(estimate.TotalMinutes) + " min; load average " + ProcStat.LoadAverage().ToString("F2", CultureInfo.InvariantCulture));

            var runs = new List<RunResult>();
            for (var i = 1; i <= options.Runs; i++)
            {
                Log("run " + i + " (load average " + ProcStat.LoadAverage().ToString("F2", CultureInfo.InvariantCulture) + ")");
                runs.Add(await new BenchRun(options, i, frameFile, workDirectory).RunAsync(Log));
            }

            var report = new BenchReport(options, runs, await DescribeEnvironmentAsync(options)).ToString();
            Console.Write(report);
            if (options.ReportPath is { } path)
            {
                await File.WriteAllTextAsync(path, report);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static void Log(string message) => Console.Error.WriteLine(DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " + message);

    private static async Task WaitForQuietAsync(double limit, TimeSpan maxWait)
    {
        var waited = Stopwatch.StartNew();
        while (ProcStat.LoadAverage() is var load && load >= limit)
        {
            if (waited.Elapsed >= maxWait)
            {
                Log("load average still " + load.ToString("F2", CultureInfo.InvariantCulture) + " after " + maxWait.TotalMinutes + " min; measuring anyway");
                return;
            }

            Log("load average " + load.ToString("F2", CultureInfo.InvariantCulture) + " ≥ " + limit.ToString(CultureInfo.InvariantCulture) + "; waiting");
            await Task.Delay(TimeSpan.FromSeconds(60));
        }
    }

    private static async Task<string> DescribeEnvironmentAsync(BenchOptions options)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var pinning = options.Pin
            ? "server pinned to core " + options.ServerCpu + ", load generator (h2load, our client) to core " + options.LoadCpu + " (taskset)"
            : "no pinning";
        if (options.Niceness is { } niceness)
        {
            pinning += ", both at niceness " + niceness + " in a session of their own with that niceness (nice, setsid, /proc/self/autogroup)";
        }

        var cores = File.ReadLines("/proc/cpuinfo").Count(line => line.StartsWith("processor", StringComparison.Ordinal));
        return "- " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC, " + cores + " cores, " + cpu + "\n"
            + "- " + RuntimeInformation.FrameworkDescription + ", Release, " + (GCSettings.IsServerGC ? "Server GC" : "Workstation GC")
            + " (Server GC is configured; the runtime uses Workstation GC in a process that sees one core), " + await H2LoadVersionAsync() + "\n"
            + "- " + pinning + "; h2c on loopback; " + options.Runs + " run(s), each with a fresh server process; per cell "
            + options.Warmup.TotalSeconds + " s warm-up + " + options.Duration.TotalSeconds + " s measured; gRPC and raw alternate\n"
            + "- echo request and reply: " + Payloads.EchoRequest.CalculateSize() + " B message, " + Payloads.Frame(Payloads.EchoRequest).Length + " B frame\n"
            + "- figures are the median over the runs with the spread (min–max) in parentheses\n";
    }

    private static async Task<string> H2LoadVersionAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("h2load", "--version") { RedirectStandardOutput = true }) ?? throw new InvalidOperationException();
            var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
            return version;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "h2load not found";
        }
    }
}
