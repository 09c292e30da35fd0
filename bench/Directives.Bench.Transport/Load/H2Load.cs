using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Directives.Bench.Transport.Load;

/// <summary>
/// One h2load run (nghttp2-client) posting a pre-encoded gRPC frame over h2c, one thread. Latency percentiles
/// come from its per-request log (<c>--log-file</c>: microseconds from request start to end of response).
/// </summary>
internal static partial class H2Load
{
    public static async Task<H2LoadResult> RunAsync(H2LoadRequest request)
    {
        // bash's `times` reports h2load's CPU time (the children's line) after it exits.
        var info = new ProcessStartInfo
        {
            FileName = "bash",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("h2load \"$@\"; rc=$?; times; exit $rc");
        info.ArgumentList.Add("h2load");
        foreach (var arg in request.Arguments())
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start h2load.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("h2load failed (" + process.ExitCode + "): " + text + await error);
        }

        var result = Parse(text);
        if (result.Failed > 0 || result.Errored > 0 || result.Done == 0)
        {
            throw new InvalidOperationException("h2load saw failures: " + text);
        }

        return result with { Latencies = request.LogFile is null ? null : ReadLog(request.LogFile) };
    }

    public static H2LoadResult Parse(string output)
    {
        var finished = FinishedLine().Match(output);
        var requests = RequestsLine().Match(output);
        var traffic = TrafficLine().Match(output);
        var times = TimesLine().Matches(output);
        if (!finished.Success || !requests.Success || !traffic.Success || times.Count < 2)
        {
            throw new InvalidOperationException("Unexpected h2load output: " + output);
        }

        var children = times[^1];
        var cpu = Duration(children.Groups[1], children.Groups[2]) + Duration(children.Groups[3], children.Groups[4]);
        return new H2LoadResult(
            Seconds: Number(finished.Groups[1]) / (finished.Groups[2].Value == "ms" ? 1000 : 1),
            Done: (long)Number(requests.Groups[1]),
            Failed: (long)Number(requests.Groups[2]),
            Errored: (long)Number(requests.Groups[3]),
            DataBytes: (long)Number(traffic.Groups[1]),
            LoadCpu: cpu,
            Latencies: null);

        static TimeSpan Duration(Group minutes, Group seconds) =>
            TimeSpan.FromMinutes(Number(minutes)) + TimeSpan.FromSeconds(Number(seconds));
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    private static Latencies ReadLog(string path)
    {
        var samples = new List<double>();
        foreach (var line in File.ReadLines(path))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 3 && columns[1] == "200")
            {
                samples.Add(double.Parse(columns[2], CultureInfo.InvariantCulture));
            }
        }

        return Latencies.FromMicroseconds(samples);
    }

    [GeneratedRegex(@"finished in ([0-9.]+)(ms|s),")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, (\d+) done, \d+ succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"traffic: .*?, [0-9.]+[KMG]?B \((\d+)\) data")]
    private static partial Regex TrafficLine();

    [GeneratedRegex(@"^(\d+)m([0-9.]+)s (\d+)m([0-9.]+)s$", RegexOptions.Multiline)]
    private static partial Regex TimesLine();
}
