using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>
/// Request-Headers of the protocol document, in its order: the pseudo-headers (:method POST, :scheme, :path,
/// :authority) come from the request line, then te, grpc-timeout, content-type (on the content),
/// grpc-encoding, grpc-accept-encoding, user-agent and the call's custom metadata.
/// </summary>
internal static class GrpcRequestHeaders
{
    /// <summary>
    /// Call metadata naming the encoding to compress this call's request messages with (e.g. "gzip"), as in
    /// gRPC for .NET. It is consumed by the client, never sent; the server learns the encoding from
    /// <c>grpc-encoding</c>. Individual messages opt out with <see cref="WriteFlags.NoCompress"/>.
    /// </summary>
    public const string RequestEncodingMetadataKey = "grpc-internal-encoding-request";

    /// <summary>Adds the call's headers; returns the provider request messages are compressed with, if any.</summary>
    public static ICompressionProvider? Apply(HttpRequestMessage request, CompressionProviderMap compressionProviders, string? host, Metadata? metadata, TimeSpan? timeout)
    {
        var headers = request.Headers;
        if (host is not null)
        {
            // Becomes :authority (ClientBase.WithHost).
            headers.Host = host;
        }

        headers.TryAddWithoutValidation(GrpcProtocolConstants.TeHeader, GrpcProtocolConstants.TeTrailers);
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.TimeoutHeader, GrpcTimeout.Format(value));
        }

        ICompressionProvider? compressionProvider = null;
        var userAgent = GrpcUserAgent.Value;
        if (metadata is not null)
        {
            foreach (var entry in metadata)
            {
                var key = entry.Key;
                if (key == RequestEncodingMetadataKey)
                {
                    compressionProvider = GetRequestCompressionProvider(compressionProviders, entry.Value);
                }
                else if (key == GrpcProtocolConstants.UserAgentHeader)
                {
                    userAgent = entry.Value;
                }
                else if (!MetadataHeaders.IsReserved(key))
                {
                    headers.TryAddWithoutValidation(key, entry.IsBinary ? MetadataHeaders.EncodeBinary(entry.ValueBytes) : entry.Value);
                }
            }
        }

        if (compressionProvider is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageEncodingHeader, compressionProvider.EncodingName);
        }

        headers.TryAddWithoutValidation(GrpcProtocolConstants.MessageAcceptEncodingHeader, compressionProviders.AcceptEncoding);
        headers.TryAddWithoutValidation(GrpcProtocolConstants.UserAgentHeader, userAgent);
        return compressionProvider;
    }

    private static ICompressionProvider? GetRequestCompressionProvider(CompressionProviderMap compressionProviders, string encoding)
    {
        if (string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!compressionProviders.TryGet(encoding, out var provider))
        {
            throw new InvalidOperationException($"Could not find a compression provider for '{encoding}'. The channel supports: {compressionProviders.AcceptEncoding}.");
        }

        return provider;
    }
}
