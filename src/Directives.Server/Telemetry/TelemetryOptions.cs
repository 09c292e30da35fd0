using OpenTelemetry;

namespace Directives.Server.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section. Everything the OpenTelemetry specification standardises is read by the SDK
/// itself from the standard names in configuration (environment variables included):
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c> or <c>http/protobuf</c>),
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_TRACES_SAMPLER</c> and
/// <c>OTEL_TRACES_SAMPLER_ARG</c>, <c>OTEL_SDK_DISABLED</c>. This section holds only what they leave open.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Where telemetry goes; unset means OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured and
    /// nothing otherwise, so the embedded default runs without the SDK.
    /// </summary>
    public TelemetryExporter? Exporter { get; set; }

    /// <summary>
    /// Request metadata keys recorded on server spans as <c>rpc.grpc.request.metadata.{key}</c>: none unless
    /// listed (opt-in). Credentials (<c>authorization</c>, <c>cookie</c>) are refused at startup.
    /// </summary>
    public List<string> CaptureRequestMetadata { get; set; } = [];

    /// <summary>More SDK configuration applied after the server's own (an extra exporter, say). Code only.</summary>
    public Action<IOpenTelemetryBuilder>? ConfigureSdk { get; set; }
}
