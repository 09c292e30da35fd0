using Directives.Server.Auth;

namespace Directives.Server.Tenancy;

/// <summary>
/// The caller and the province of the current directives.v1 call, established by tenant resolution
/// before the service runs (scoped to the request). Services and storage take the province from here,
/// never from a request field.
/// </summary>
internal interface ITenantContext
{
    /// <summary>Who is calling.</summary>
    CallerIdentity Caller { get; }

    TenantScope Scope { get; }

    /// <summary>The province of a <see cref="TenantScope.Province"/> call; null for the other scopes.</summary>
    ProvinceRecord? Province { get; }

    /// <summary>The province id of a <see cref="TenantScope.Province"/> call; throws for the other scopes, so a cross-province or registry call can never fall back to some province.</summary>
    string ProvinceId { get; }

    /// <summary>Which tasks the caller may see and act on (an officer: those of their agency).</summary>
    TaskAccess Tasks { get; }
}
