namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The response header a handler adds (before the first message) to choose the call's response encoding,
/// as in gRPC for .NET; it is consumed by the server, never sent.
/// </summary>
internal static class ResponseEncodingRequest
{
    public const string HeaderName = "grpc-internal-encoding-request";
}
