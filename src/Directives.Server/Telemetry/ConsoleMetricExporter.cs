using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Directives.Server.Telemetry;

/// <summary>One line per metric point at each collection (<c>Telemetry:Exporter=Console</c>).</summary>
internal sealed class ConsoleMetricExporter(TextWriter output) : BaseExporter<Metric>
{
    public override ExportResult Export(in Batch<Metric> batch)
    {
        var line = new StringBuilder();
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"metric {metric.Name} {Value(metric.MetricType, point)}");
                foreach (var tag in point.Tags)
                {
                    line.Append(CultureInfo.InvariantCulture, $" {tag.Key}={tag.Value}");
                }

                output.WriteLine(line.ToString());
            }
        }

        return ExportResult.Success;
    }

    private static string Value(MetricType type, in MetricPoint point) => type switch
    {
        MetricType.Histogram => string.Create(CultureInfo.InvariantCulture, $"count={point.GetHistogramCount()} sum={point.GetHistogramSum():0.######}"),
        MetricType.LongSum or MetricType.LongSumNonMonotonic => string.Create(CultureInfo.InvariantCulture, $"sum={point.GetSumLong()}"),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => string.Create(CultureInfo.InvariantCulture, $"sum={point.GetSumDouble()}"),
        MetricType.LongGauge => string.Create(CultureInfo.InvariantCulture, $"value={point.GetGaugeLastValueLong()}"),
        MetricType.DoubleGauge => string.Create(CultureInfo.InvariantCulture, $"value={point.GetGaugeLastValueDouble()}"),
        _ => type.ToString(),
    };
}
