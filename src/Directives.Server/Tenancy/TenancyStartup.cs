namespace Directives.Server.Tenancy;

/// <summary>
/// Loads the province registry and expands the access policy when the host starts, so a broken
/// registry file or policy table stops the server at once rather than failing its first calls.
/// </summary>
internal sealed class TenancyStartup(IProvinceRegistry registry, MethodPolicies policies) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = policies;
        await registry.ListAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
