using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>
/// The request-scoped <see cref="ITenantContext"/>: set once by the tenant interceptor; reading it before
/// that throws, so a call that skipped resolution fails instead of running without a tenant.
/// </summary>
internal sealed class TenantContext : ITenantContext
{
    private TenantResolution? _resolution;

    public CallerIdentity Caller => Resolved.Caller;

    public TenantScope Scope => Resolved.Scope;

    public ProvinceRecord? Province => Resolved.Province;

    public string ProvinceId => Resolved.Province?.Id
        ?? throw new InvalidOperationException($"This call's scope is {Resolved.Scope}, not one province.");

    public TaskAccess Tasks => Resolved.Tasks;

    public bool IsResolved => _resolution is not null;

    private TenantResolution Resolved => _resolution
        ?? throw new InvalidOperationException("The tenant is not resolved: the call did not go through the tenant interceptor.");

    public void Set(TenantResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (_resolution is not null)
        {
            throw new InvalidOperationException("The tenant of a call is resolved once.");
        }

        _resolution = resolution;
    }
}
