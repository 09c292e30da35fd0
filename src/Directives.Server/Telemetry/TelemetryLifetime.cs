namespace Directives.Server.Telemetry;

/// <summary>
/// Ties the SDK to the host: builds it when the host starts (if logging has not already), and exports what
/// is buffered when the host stops. Hosted services stop in reverse order, after Kestrel has drained the
/// last calls, so their spans are in the final export; the container disposes the SDK after this.
/// </summary>
internal sealed class TelemetryLifetime(DirectivesTelemetry telemetry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        telemetry.ForceFlush();
        return Task.CompletedTask;
    }
}
