using System.Globalization;

namespace Directives.Bench.Transport.Report;

/// <summary>The median of a figure over the runs, and its spread (min–max).</summary>
internal readonly record struct Spread(double Median, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Where(value => !double.IsNaN(value)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Spread(double.NaN, double.NaN, double.NaN, 0);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"median (min–max)", or the one value of a single run.</summary>
    public string Format(string format)
    {
        if (Count == 0)
        {
            return "–";
        }

        var median = Median.ToString(format, CultureInfo.InvariantCulture);
        return Count == 1 ? median : median + " (" + Min.ToString(format, CultureInfo.InvariantCulture) + "–" + Max.ToString(format, CultureInfo.InvariantCulture) + ")";
    }
}
