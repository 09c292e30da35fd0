using System.Net;

namespace Grpc.Core.Protocol;

/// <summary>The protocol document's table from a non-200 HTTP status to a gRPC status code.</summary>
internal static class HttpStatusMapping
{
    public static StatusCode ToStatusCode(HttpStatusCode httpStatus) => httpStatus switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests => StatusCode.Unavailable,
        HttpStatusCode.BadGateway => StatusCode.Unavailable,
        HttpStatusCode.ServiceUnavailable => StatusCode.Unavailable,
        HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
