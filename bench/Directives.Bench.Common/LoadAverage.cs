using System.Globalization;

namespace Directives.Bench;

/// <summary>The machine's load averages: figures taken on a busy machine say so.</summary>
public static class LoadAverage
{
    public static string Now() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Waits (up to 25 minutes) for the 1-minute load average to drop below <paramref name="threshold"/>; 0 does not wait.</summary>
    public static async Task WaitBelowAsync(double threshold, TextWriter progress)
    {
        if (threshold <= 0 || !File.Exists("/proc/loadavg"))
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddMinutes(25);
        while (OneMinute() >= threshold && DateTime.UtcNow < deadline)
        {
            await progress.WriteLineAsync($"waiting for the load to drop below {threshold} (now {Now()})");
            await Task.Delay(TimeSpan.FromSeconds(30));
        }
    }

    private static double OneMinute() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
