using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directives.Transport.TestHost;

/// <summary>A health check a test turns healthy or unhealthy.</summary>
public sealed class SwitchableHealthCheck : IHealthCheck
{
    private volatile bool _healthy = true;

    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Switched off by the test."));
}
