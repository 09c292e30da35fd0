using System.Collections.Concurrent;
using System.Diagnostics;
using Directives.Server.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// In-memory exporters for the server's SDK (OpenTelemetry.Exporter.InMemory is not in the package source):
/// finished spans as they end, metric points at each collection, log records as they are written.
/// </summary>
public sealed class InMemoryTelemetry
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentDictionary<(string Name, string Tags), MetricSnapshot> _metrics = new();
    private readonly ConcurrentQueue<LogSnapshot> _logs = new();

    public IReadOnlyCollection<Activity> Spans => _spans;

    public IReadOnlyCollection<MetricSnapshot> Metrics => [.. _metrics.Values];

    public IReadOnlyCollection<LogSnapshot> Logs => _logs;

    /// <summary>Adds the three exporters to an SDK being built (<see cref="TelemetryOptions.ConfigureSdk"/>).</summary>
    internal void AddTo(IOpenTelemetryBuilder builder)
    {
        builder.WithTracing(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new SpanExporter(this))));
        builder.WithMetrics(metrics => metrics.AddReader(new BaseExportingMetricReader(new MetricExporter(this))));
        builder.WithLogging(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new LogExporter(this))));
    }

    /// <summary>Waits (generously: a server span ends after its response is sent) until the spans of a trace are all there.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var trace = _spans.Where(s => s.TraceId == traceId).ToList();
            if (complete(trace))
            {
                return trace;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public sealed record MetricSnapshot(string Name, IReadOnlyDictionary<string, object?> Tags, long Count, double Sum);

    public sealed record LogSnapshot(string? Category, string? Message, ActivityTraceId TraceId, IReadOnlyDictionary<string, object?> Attributes);

    private sealed class SpanExporter(InMemoryTelemetry sink) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                sink._spans.Enqueue(span);
            }

            return ExportResult.Success;
        }
    }

    private sealed class MetricExporter(InMemoryTelemetry sink) : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch)
        {
            // Cumulative temporality: the latest collection holds each point's totals.
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    var (count, sum) = metric.MetricType switch
                    {
                        MetricType.Histogram => (point.GetHistogramCount(), point.GetHistogramSum()),
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => (1L, point.GetSumLong()),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => (1L, point.GetSumDouble()),
                        _ => (0L, 0d),
                    };
                    var key = string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
                    sink._metrics[(metric.Name, key)] = new MetricSnapshot(metric.Name, tags, count, sum);
                }
            }

            return ExportResult.Success;
        }
    }

    private sealed class LogExporter(InMemoryTelemetry sink) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var attributes = new Dictionary<string, object?>();
                foreach (var attribute in record.Attributes ?? [])
                {
                    attributes[attribute.Key] = attribute.Value;
                }

                sink._logs.Enqueue(new LogSnapshot(record.CategoryName, record.FormattedMessage, record.TraceId, attributes));
            }

            return ExportResult.Success;
        }
    }
}
