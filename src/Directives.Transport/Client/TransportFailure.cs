using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>The status of a call that failed below gRPC: in the connection or the HTTP/2 stream.</summary>
internal static class TransportFailure
{
    public static Status ToStatus(Exception exception, string summary) =>
        new(GetStatusCode(exception), summary + " " + exception.GetType().Name + ": " + exception.Message, exception);

    private static StatusCode GetStatusCode(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Before IOException, which it derives from: the peer reset the stream or the connection.
                case HttpProtocolException protocolException:
                    return FromHttp2ErrorCode(protocolException.ErrorCode);

                // Could not connect, TLS failed, the connection broke: the server is not (or no longer) reachable.
                case SocketException:
                case AuthenticationException:
                case IOException:
                    return StatusCode.Unavailable;
            }
        }

        return exception is HttpRequestException ? StatusCode.Unavailable : StatusCode.Internal;
    }

    /// <summary>The protocol document's table from an RST_STREAM or GOAWAY error code to a status code.</summary>
    private static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable,        // REFUSED_STREAM: the server did not process the call; safe to retry
        0x8 => StatusCode.Cancelled,          // CANCEL
        0xB => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM: the server finds the client too aggressive
        0xC => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
        _ => StatusCode.Internal,             // NO_ERROR (mid-response), PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, ...
    };
}
