using Grpc.Core.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Lets the catch-all UNIMPLEMENTED routes match only gRPC requests, so other routes stay the app's.</summary>
internal sealed class GrpcUnimplementedConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        httpContext is not null && GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType);
}
