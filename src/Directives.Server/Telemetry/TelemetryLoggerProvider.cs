using Microsoft.Extensions.Logging.Abstractions;

namespace Directives.Server.Telemetry;

/// <summary>
/// The host's logging into the SDK: every <see cref="ILogger"/> of the server also writes OpenTelemetry log
/// records, after the host's filters. Not an external-scope provider: the host hands scopes to these
/// loggers, which keep them in the SDK's factory, so scopes reach the records. Writes nowhere when
/// telemetry is off.
/// </summary>
internal sealed class TelemetryLoggerProvider(DirectivesTelemetry telemetry) : ILoggerProvider
{
    private readonly ILoggerFactory? _factory = telemetry.CreateLoggerFactory();

    public ILogger CreateLogger(string categoryName) => _factory?.CreateLogger(categoryName) ?? NullLogger.Instance;

    public void Dispose() => _factory?.Dispose();
}
