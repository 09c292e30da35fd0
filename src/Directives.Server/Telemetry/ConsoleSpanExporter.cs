using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenTelemetry;

namespace Directives.Server.Telemetry;

/// <summary>
/// One line per span on a text writer (<c>Telemetry:Exporter=Console</c>): for a developer without a
/// collector. OpenTelemetry.Exporter.Console is not in the package source.
/// </summary>
internal sealed class ConsoleSpanExporter(TextWriter output) : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        var line = new StringBuilder();
        foreach (var span in batch)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"span {span.DisplayName} kind={span.Kind} trace={span.TraceId} id={span.SpanId} parent={span.ParentSpanId} duration={span.Duration.TotalMilliseconds:0.###}ms status={span.Status}");
            foreach (var tag in span.TagObjects)
            {
                line.Append(CultureInfo.InvariantCulture, $" {tag.Key}={tag.Value}");
            }

            output.WriteLine(line.ToString());
        }

        return ExportResult.Success;
    }
}
