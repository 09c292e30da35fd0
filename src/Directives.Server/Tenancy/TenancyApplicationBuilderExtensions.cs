using Directives.Server.Tenancy;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The middleware and endpoints of tenancy.</summary>
internal static class TenancyApplicationBuilderExtensions
{
    /// <summary>
    /// Authentication (so the rate limiter knows the caller), then the per-caller and per-province rate
    /// limits. Tenant resolution itself runs in the gRPC tenant interceptor added by AddDirectivesTenancy.
    /// </summary>
    public static IApplicationBuilder UseDirectivesTenancy(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps ProvinceService and ProvinceAdminService.</summary>
    public static IEndpointRouteBuilder MapProvinceServices(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<ProvinceGrpcService>();
        endpoints.MapGrpcService<ProvinceAdminGrpcService>();
        return endpoints;
    }
}
