using System.Reflection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Directives.Server.Telemetry;

/// <summary>
/// The OpenTelemetry SDK of the server (tracer, meter and logger providers in one
/// <see cref="OpenTelemetrySdk"/>), built from the host's configuration and disposed with the host. Null
/// SDK when telemetry is off, so the embedded default pays nothing. This, with
/// <see cref="TelemetryLifetime"/> and <see cref="TelemetryLoggerProvider"/>, is the small equivalent of
/// OpenTelemetry.Extensions.Hosting, which the package source lacks.
/// </summary>
internal sealed class DirectivesTelemetry : IDisposable
{
    private const int FlushTimeoutMilliseconds = 10_000;
    private readonly OpenTelemetrySdk? _sdk;

    public DirectivesTelemetry(IConfiguration configuration, IOptions<TelemetryOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        Exporter = settings.Exporter ?? (HasOtlpEndpoint(configuration) ? TelemetryExporter.Otlp : TelemetryExporter.None);
        if (Exporter == TelemetryExporter.None && settings.ConfigureSdk is null)
        {
            return;
        }

        _sdk = OpenTelemetrySdk.Create(builder =>
        {
            // The SDK reads the standard OTEL_* names from this configuration: environment variables, and
            // appsettings or a test's in-memory settings under the same names.
            builder.Services.AddSingleton(configuration);
            builder.ConfigureResource(resource => ConfigureResource(resource, configuration, environment));
            builder.WithTracing(tracing => ConfigureTracing(tracing, Exporter));
            builder.WithMetrics(metrics => ConfigureMetrics(metrics, Exporter));
            builder.WithLogging(logging => ConfigureLogging(logging, Exporter), logOptions =>
            {
                logOptions.IncludeFormattedMessage = true;
                logOptions.IncludeScopes = true;
            });
            settings.ConfigureSdk?.Invoke(builder);
        });
    }

    public TelemetryExporter Exporter { get; }

    /// <summary>A logger factory over the SDK's logger provider, for the host's logging; null when telemetry is off.</summary>
    public ILoggerFactory? CreateLoggerFactory() => _sdk?.GetLoggerFactory();

    /// <summary>Exports what is buffered now: spans, a metrics collection, log records.</summary>
    public void ForceFlush()
    {
        if (_sdk is null)
        {
            return;
        }

        _sdk.TracerProvider.ForceFlush(FlushTimeoutMilliseconds);
        _sdk.MeterProvider.ForceFlush(FlushTimeoutMilliseconds);
        _sdk.LoggerProvider.ForceFlush(FlushTimeoutMilliseconds);
    }

    public void Dispose() => _sdk?.Dispose();

    private static bool HasOtlpEndpoint(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    private static void ConfigureResource(ResourceBuilder resource, IConfiguration configuration, IHostEnvironment environment)
    {
        // OTEL_SERVICE_NAME and service.name in OTEL_RESOURCE_ATTRIBUTES win over the default name.
        var named = !string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"])
            || (configuration["OTEL_RESOURCE_ATTRIBUTES"]?.Contains("service.name=", StringComparison.Ordinal) ?? false);
        if (!named)
        {
            var version = typeof(DirectivesTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            resource.AddService(TelemetryNames.ServiceName, serviceVersion: version);
        }

        resource.AddAttributes([new("deployment.environment.name", environment.EnvironmentName)]);
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, TelemetryExporter exporter)
    {
        tracing.AddSource(TelemetryNames.ActivitySources).AddProcessor(new CallAttributesSpanProcessor());
        if (exporter == TelemetryExporter.Otlp)
        {
            tracing.AddOtlpExporter();
        }
        else if (exporter == TelemetryExporter.Console)
        {
            tracing.AddProcessor(new SimpleActivityExportProcessor(new ConsoleSpanExporter(Console.Out)));
        }
    }

    private static void ConfigureMetrics(MeterProviderBuilder metrics, TelemetryExporter exporter)
    {
        metrics.AddMeter(TelemetryNames.Meters);
        if (exporter == TelemetryExporter.Otlp)
        {
            metrics.AddOtlpExporter();
        }
        else if (exporter == TelemetryExporter.Console)
        {
            metrics.AddReader(new PeriodicExportingMetricReader(new ConsoleMetricExporter(Console.Out)));
        }
    }

    private static void ConfigureLogging(LoggerProviderBuilder logging, TelemetryExporter exporter)
    {
        // Before the exporter: processors run in order, and this one adds the call's province.
        logging.AddProcessor(new CallAttributesLogProcessor());
        if (exporter == TelemetryExporter.Otlp)
        {
            logging.AddOtlpExporter();
        }

        // The console already has the host's console logger: no console log exporter.
    }
}
