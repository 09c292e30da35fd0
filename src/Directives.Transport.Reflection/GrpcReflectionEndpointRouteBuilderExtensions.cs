using Grpc.AspNetCore.Server.Reflection.Internal;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps server reflection, <c>grpc.reflection.v1.ServerReflection</c> and
    /// <c>grpc.reflection.v1alpha.ServerReflection</c>, which <c>AddGrpcReflection()</c> configures. It
    /// describes every service mapped with <c>MapGrpcService</c> on any route builder, itself included.
    /// Map it outside tenant resolution: tools call it before they know any tenant.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new CompositeEndpointConventionBuilder(
            builder.MapGrpcService<ReflectionServiceV1>(),
            builder.MapGrpcService<ReflectionServiceV1Alpha>());
    }
}
