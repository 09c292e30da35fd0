using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.AspNetCore.HealthChecks.Internal;

/// <summary>
/// Decides a health service name's serving status: the host's lifecycle first (NOT_SERVING until the host
/// has started and once it is stopping), then the mapped ASP.NET Core health checks. Null means the name is
/// unknown.
/// </summary>
internal sealed class HealthStatusEvaluator
{
    private readonly HealthCheckService _healthChecks;
    private readonly IOptionsMonitor<GrpcHealthChecksOptions> _options;
    private readonly IHostApplicationLifetime _lifetime;

    public HealthStatusEvaluator(HealthCheckService healthChecks, IOptionsMonitor<GrpcHealthChecksOptions> options, IHostApplicationLifetime lifetime)
    {
        _healthChecks = healthChecks;
        _options = options;
        _lifetime = lifetime;
    }

    /// <summary>True between the host's ApplicationStarted and ApplicationStopping.</summary>
    public bool IsHostServing => _lifetime.ApplicationStarted.IsCancellationRequested && !_lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Runs the health checks mapped to <paramref name="service"/> now.</summary>
    public async Task<ServingStatus?> CheckAsync(string service, CancellationToken cancellationToken)
    {
        if (!_options.CurrentValue.Services.TryGet(service, out var mapping))
        {
            return null;
        }

        if (!IsHostServing)
        {
            return ServingStatus.NotServing;
        }

        var report = await _healthChecks.CheckHealthAsync(
            registration => mapping.Predicate(new HealthCheckFilterContext(registration.Name, registration.Tags)),
            cancellationToken);

        // The host may have begun draining while the checks ran.
        return IsHostServing ? ToServingStatus(report.Status) : ServingStatus.NotServing;
    }

    /// <summary>The status of <paramref name="service"/> in a report of every health check.</summary>
    public ServingStatus? FromReport(string service, HealthReport report)
    {
        if (!_options.CurrentValue.Services.TryGet(service, out var mapping))
        {
            return null;
        }

        if (!IsHostServing)
        {
            return ServingStatus.NotServing;
        }

        // As HealthReport aggregates: the worst status of the selected checks; none selected is healthy.
        var status = HealthStatus.Healthy;
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status < status && mapping.Predicate(new HealthCheckFilterContext(name, entry.Tags)))
            {
                status = entry.Status;
            }
        }

        return ToServingStatus(status);
    }

    // Degraded still serves: ASP.NET Core means "working, but not at its best", as gRPC for .NET maps it.
    private static ServingStatus ToServingStatus(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
}
