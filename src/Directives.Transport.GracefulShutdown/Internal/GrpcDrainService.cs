using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directives.Transport.GracefulShutdown.Internal;

/// <summary>
/// Holds the host's shutdown at its first step until the gRPC calls in flight have ended. The host runs
/// <see cref="StoppingAsync"/> before any hosted service stops, so Kestrel is still listening: meanwhile
/// new calls are answered UNAVAILABLE and health reports NOT_SERVING. The
/// wait is bounded by the host's shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>), whose
/// token the host passes here; Kestrel then stops and aborts whatever is left.
/// </summary>
internal sealed partial class GrpcDrainService : IHostedLifecycleService
{
    private readonly InFlightCalls _calls;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<GrpcDrainService> _logger;

    public GrpcDrainService(InFlightCalls calls, IHostApplicationLifetime lifetime, ILogger<GrpcDrainService> logger)
    {
        _calls = calls;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // A signal (SIGTERM, Ctrl+C) fires ApplicationStopping before the host stops, but a direct
        // IHost.StopAsync() fires it only after this step: fire it now, so new calls are refused and health
        // turns NOT_SERVING while the calls in flight drain. Stopping is idempotent.
        _lifetime.StopApplication();
        LogDraining(_logger, _calls.Count);
        try
        {
            await _calls.WaitForIdleAsync(cancellationToken);
            LogDrained(_logger);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogDrainTimedOut(_logger, _calls.Count);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining gRPC calls: {Count} in flight; new calls get UNAVAILABLE.")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "All gRPC calls ended; the server stops.")]
    private static partial void LogDrained(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shutdown timeout ended with {Count} gRPC calls in flight; they are aborted.")]
    private static partial void LogDrainTimedOut(ILogger logger, int count);
}
