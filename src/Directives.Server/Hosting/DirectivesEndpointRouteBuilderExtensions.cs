using Directives.Server.Services.Agencies;
using Directives.Server.Services.Changes;
using Directives.Server.Services.Committees;
using Directives.Server.Services.Directives;
using Directives.Server.Services.Tasks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The server's endpoints.</summary>
internal static class DirectivesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every directives.v1 service, and grpc.health.v1 and grpc.reflection, which the tenant
    /// interceptor lets through without a token (it resolves tenants for directives.v1 methods only).
    /// </summary>
    public static IEndpointRouteBuilder MapDirectivesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapProvinceServices();
        endpoints.MapGrpcService<DirectiveGrpcService>();
        endpoints.MapGrpcService<AgencyGrpcService>();
        endpoints.MapGrpcService<TaskGrpcService>();
        endpoints.MapGrpcService<CommitteeGrpcService>();
        endpoints.MapGrpcService<ChangeFeedGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
