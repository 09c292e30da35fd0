namespace Directives.Server.Telemetry;

/// <summary>Where the server's traces, metrics and logs go.</summary>
internal enum TelemetryExporter
{
    /// <summary>Nowhere: the SDK is not even built (the embedded default without an OTLP endpoint).</summary>
    None,

    /// <summary>To an OTLP collector, as the standard <c>OTEL_EXPORTER_OTLP_*</c> variables say.</summary>
    Otlp,

    /// <summary>Spans and metrics as lines on standard output, for a developer without a collector.</summary>
    Console,
}
