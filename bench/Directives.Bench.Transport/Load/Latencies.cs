namespace Directives.Bench.Transport.Load;

/// <summary>Latency percentiles from every sample (no histogram), in microseconds.</summary>
internal sealed record Latencies(double P50, double P99, long Count)
{
    public static Latencies FromMicroseconds(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Latencies(double.NaN, double.NaN, 0);
        }

        samples.Sort();
        return new Latencies(Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count);
    }

    // Nearest rank.
    private static double Percentile(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
