using Grpc.AspNetCore.HealthChecks.Internal;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c> (Check and Watch), which <c>AddGrpcHealthChecks()</c> configures.
    /// Map it outside tenant resolution and authentication: probes call it anonymously.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.MapGrpcService<HealthServiceImpl>();
    }
}
