using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>The outcome of tenant resolution for one call.</summary>
internal sealed record TenantResolution(CallerIdentity Caller, TenantScope Scope, ProvinceRecord? Province)
{
    public TaskAccess Tasks { get; } = TaskAccess.For(Caller);

    public static TenantResolution ForProvince(CallerIdentity caller, ProvinceRecord province) => new(caller, TenantScope.Province, province);

    public static TenantResolution ForAllProvinces(CallerIdentity caller) => new(caller, TenantScope.AllProvinces, null);

    public static TenantResolution ForRegistry(CallerIdentity caller) => new(caller, TenantScope.Registry, null);
}
