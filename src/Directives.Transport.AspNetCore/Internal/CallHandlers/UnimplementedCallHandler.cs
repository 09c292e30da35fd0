using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

/// <summary>Answers gRPC requests for services or methods that are not mapped: UNIMPLEMENTED, Trailers-Only.</summary>
internal sealed class UnimplementedCallHandler(ILogger logger)
{
    public const string ServiceRouteValue = "unimplementedService";
    public const string MethodRouteValue = "unimplementedMethod";

    public Task HandleServiceAsync(HttpContext httpContext)
    {
        if (GrpcRequestValidation.TryValidate(httpContext, logger))
        {
            GrpcServerLog.ServiceUnimplemented(logger, RouteValue(httpContext, ServiceRouteValue));
            GrpcRequestValidation.WriteTrailersOnly(httpContext.Response, StatusCode.Unimplemented, "Service is unimplemented.");
        }

        return Task.CompletedTask;
    }

    public Task HandleMethodAsync(HttpContext httpContext)
    {
        if (GrpcRequestValidation.TryValidate(httpContext, logger))
        {
            var path = httpContext.Request.Path.Value ?? "";
            var serviceName = path.Length > 1 && path.IndexOf('/', 1) is var slash and > 0 ? path[1..slash] : path;
            GrpcServerLog.MethodUnimplemented(logger, serviceName, RouteValue(httpContext, MethodRouteValue));
            GrpcRequestValidation.WriteTrailersOnly(httpContext.Response, StatusCode.Unimplemented, "Method is unimplemented.");
        }

        return Task.CompletedTask;
    }

    private static string RouteValue(HttpContext httpContext, string name) =>
        httpContext.Request.RouteValues[name] as string ?? "";
}
