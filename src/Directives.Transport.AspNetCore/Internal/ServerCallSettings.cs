using System.IO.Compression;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>A service's effective options, resolved once at startup into what the hot path needs.</summary>
internal sealed class ServerCallSettings
{
    private readonly Dictionary<string, ICompressionProvider> _providers;

    public ServerCallSettings(GrpcServiceOptions options, ILogger logger, GrpcServerMetrics? metrics = null)
    {
        Metrics = metrics;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        EnableDetailedErrors = options.EnableDetailedErrors ?? false;
        ResponseCompressionLevel = options.ResponseCompressionLevel;
        Interceptors = [.. options.Interceptors];
        Logger = logger;

        _providers = new Dictionary<string, ICompressionProvider>(StringComparer.OrdinalIgnoreCase);
        var acceptEncoding = GrpcProtocolConstants.IdentityEncoding;
        foreach (var provider in options.CompressionProviders)
        {
            if (_providers.TryAdd(provider.EncodingName, provider))
            {
                acceptEncoding += "," + provider.EncodingName;
            }
        }

        AcceptEncoding = acceptEncoding;
        if (options.ResponseCompressionAlgorithm is { } algorithm
            && !string.Equals(algorithm, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            ResponseCompressionProvider = GetCompressionProvider(algorithm)
                ?? throw new InvalidOperationException("The response compression algorithm '" + algorithm + "' has no compression provider.");
        }
    }

    public int? MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool EnableDetailedErrors { get; }

    public CompressionLevel? ResponseCompressionLevel { get; }

    /// <summary>The provider for the configured response compression, or null.</summary>
    public ICompressionProvider? ResponseCompressionProvider { get; }

    /// <summary>The <c>grpc-accept-encoding</c> value: identity and every provider.</summary>
    public StringValues AcceptEncoding { get; }

    public InterceptorRegistration[] Interceptors { get; }

    public ILogger Logger { get; }

    /// <summary>The server's instruments; null when the host registers none (a test building settings by hand).</summary>
    public GrpcServerMetrics? Metrics { get; }

    public ICompressionProvider? GetCompressionProvider(string encoding) =>
        _providers.GetValueOrDefault(encoding);
}
