using System.Diagnostics.CodeAnalysis;
using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> (a class deriving from a Grpc.Tools generated
    /// base) to <c>POST /{service}/{method}</c>. The service is resolved per call: from DI when registered,
    /// otherwise created in the request's scope. gRPC requests for unknown services or methods are answered
    /// UNIMPLEMENTED.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods)] TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return GrpcServiceEndpointMapper.Map<TService>(builder);
    }
}
