namespace Grpc.Core.Protocol;

/// <summary>Names and values from the gRPC over HTTP/2 protocol document.</summary>
internal static class GrpcProtocolConstants
{
    public const string GrpcContentType = "application/grpc";
    public const string GrpcProtoContentType = "application/grpc+proto";

    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string MessageEncodingHeader = "grpc-encoding";
    public const string MessageAcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string ContentTypeHeader = "content-type";
    public const string UserAgentHeader = "user-agent";

    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>Default limit on a received message (and on a sent one where a limit is set): 4 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>The 1-byte compressed flag and 4-byte big-endian length before every message.</summary>
    public const int MessageHeaderSize = 5;

    /// <summary>True for <c>application/grpc</c> and <c>application/grpc+proto</c>, with or without parameters.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).AsSpan().Trim();
        return mediaType.Equals(GrpcContentType, StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals(GrpcProtoContentType, StringComparison.OrdinalIgnoreCase);
    }
}
