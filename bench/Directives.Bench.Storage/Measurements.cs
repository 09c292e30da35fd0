using System.Diagnostics;

namespace Directives.Bench.Storage;

/// <summary>Latencies of one scenario, in milliseconds.</summary>
internal sealed class Measurements
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public async Task<T> TimeAsync<T>(Func<Task<T>> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await action();
        Add(Stopwatch.GetElapsedTime(start));
        return result;
    }

    public double Percentile(double fraction)
    {
        var sorted = _milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
