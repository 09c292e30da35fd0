using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Directives.Transport.Tests.Diagnostics;

/// <summary>
/// Listens to the client's and the server's activity sources and meters, as the OpenTelemetry SDK would, and
/// keeps what this test's calls emitted: activities of the test's own trace, measurements of the given meter
/// scope (the test server's <see cref="IMeterFactory"/>) or of the given client port.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryRecorder(object serverMeterScope, int serverPort)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Grpc.Net.Client" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if ((instrument.Meter.Name == "Grpc.AspNetCore.Server" && instrument.Meter.Scope == serverMeterScope) || instrument.Meter.Name == "Grpc.Net.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags, serverPort));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags, serverPort));
        _meters.Start();
    }

    /// <summary>Waits (generously: the server's span ends after the response) for the activities of a trace.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId traceId, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _stopped.Where(a => a.TraceId == traceId).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits for measurements of <paramref name="instrument"/> whose tags include all of <paramref name="tags"/>.</summary>
    public async Task<IReadOnlyList<Measurement>> WaitForMeasurementsAsync(string instrument, int count, params (string Key, object? Value)[] tags)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tag(t.Key), t.Value))).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, int serverPort)
        where T : struct
    {
        var copy = tags.ToArray();
        var isClient = instrument.Meter.Name == "Grpc.Net.Client";
        if (isClient && !copy.Any(t => t.Key == "server.port" && Equals(t.Value, serverPort)))
        {
            return;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    internal sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}
