namespace Directives.Server.Tenancy;

/// <summary>Whose data a resolved call may touch.</summary>
internal enum TenantScope
{
    /// <summary>One province: <see cref="ITenantContext.Province"/>.</summary>
    Province,

    /// <summary>Every ACTIVE and READ_ONLY province, for a ministry read of <c>provinces/-</c>.</summary>
    AllProvinces,

    /// <summary>No province's data: a registry call (ProvinceService, ProvinceAdminService).</summary>
    Registry,
}
