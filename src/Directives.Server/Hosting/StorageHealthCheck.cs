using Directives.Data;
using Directives.Server.Tenancy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directives.Server.Hosting;

/// <summary>
/// Whether the storage answers, checked cheaply: one connection to the first active province's database.
/// Probes run every few seconds, so this does not visit every province; a single province whose database
/// fails shows in its own calls (and in the ministry's <c>unreachable</c> lists) instead.
/// </summary>
internal sealed class StorageHealthCheck(IProvinceRegistry registry, IProvinceDbContextFactory factory) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provinces = await registry.ListAsync(cancellationToken);
        var probe = provinces.FirstOrDefault(p => p.State == ProvinceState.Active);
        if (probe is null)
        {
            return HealthCheckResult.Healthy("No active province to probe.");
        }

        try
        {
            await using var database = await factory.CreateAsync(probe.Id, cancellationToken);
            return await database.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database of {probe.Id} does not answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database of {probe.Id} does not answer.", exception);
        }
    }
}
