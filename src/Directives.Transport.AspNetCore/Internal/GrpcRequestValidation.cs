using Grpc.Core;
using Grpc.Core.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>What every gRPC endpoint checks first, answering as gRPC for .NET does when the check fails.</summary>
internal static class GrpcRequestValidation
{
    public static bool TryValidate(HttpContext httpContext, ILogger logger)
    {
        var request = httpContext.Request;
        if (!GrpcProtocolConstants.IsGrpcContentType(request.ContentType))
        {
            GrpcServerLog.UnsupportedRequestContentType(logger, request.ContentType);
            WriteHttpError(httpContext.Response, StatusCodes.Status415UnsupportedMediaType, "Content-Type '" + request.ContentType + "' is not supported.");
            return false;
        }

        var protocol = request.Protocol;
        if (!HttpProtocol.IsHttp2(protocol) && !HttpProtocol.IsHttp3(protocol))
        {
            GrpcServerLog.UnsupportedRequestProtocol(logger, protocol);
            WriteHttpError(httpContext.Response, StatusCodes.Status426UpgradeRequired, "Request protocol '" + protocol + "' is not supported.");
            httpContext.Response.Headers.Upgrade = "HTTP/2";
            return false;
        }

        return true;
    }

    /// <summary>Ends a call before it started: a Trailers-Only response (HTTP 200, status in the headers).</summary>
    public static void WriteTrailersOnly(HttpResponse response, StatusCode statusCode, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        WriteStatusHeaders(response.Headers, statusCode, message);
    }

    private static void WriteHttpError(HttpResponse response, int httpStatusCode, string message)
    {
        response.StatusCode = httpStatusCode;
        WriteStatusHeaders(response.Headers, StatusCode.Internal, message);
    }

    private static void WriteStatusHeaders(IHeaderDictionary headers, StatusCode statusCode, string message)
    {
        headers.GrpcStatus = StatusCodeText.Get(statusCode);
        headers.GrpcMessage = PercentEncoding.Encode(message);
    }
}
