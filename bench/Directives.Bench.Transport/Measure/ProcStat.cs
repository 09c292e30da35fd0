using System.Globalization;

namespace Directives.Bench.Transport.Measure;

/// <summary>What /proc tells about a process: CPU time, peak RSS, and the machine's load average.</summary>
internal static class ProcStat
{
    // USER_HZ, the unit of utime and stime in /proc/<pid>/stat: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time of all the process's threads (10 ms resolution).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakRss(int pid)
    {
        foreach (var line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Resets the peak RSS to the current RSS (Linux 4.0+), so each cell gets its own peak.</summary>
    public static bool TryResetPeakRss(int pid)
    {
        try
        {
            File.WriteAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The 1-minute load average.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
