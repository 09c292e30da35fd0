using System.IO.Compression;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server;

/// <summary>Options for gRPC services: message limits, errors, compression and interceptors.</summary>
public class GrpcServiceOptions
{
    /// <summary>The largest message the server accepts, in bytes; null for no limit. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;

    /// <summary>The largest message the server sends, in bytes; null (the default) for no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Whether an unhandled exception's type and message are sent to the client. Off by default.</summary>
    public bool? EnableDetailedErrors { get; set; }

    /// <summary>The encoding responses are compressed with when the client accepts it (e.g. "gzip"); null for none.</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>The compression level for responses; null for the provider's default.</summary>
    public CompressionLevel? ResponseCompressionLevel { get; set; }

    /// <summary>The message encodings the server can read and write besides identity. Gzip by default.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = [new GzipCompressionProvider()];

    /// <summary>Server interceptors, run in order (global ones before per-service ones).</summary>
    public InterceptorCollection Interceptors { get; } = [];

    /// <summary>
    /// When true, a gRPC request for a service that is not mapped is passed on to the rest of the
    /// application instead of being answered UNIMPLEMENTED.
    /// </summary>
    public bool IgnoreUnknownServices { get; set; }
}

/// <summary>Options for one gRPC service; they start as a copy of the global options.</summary>
public class GrpcServiceOptions<TService> : GrpcServiceOptions
    where TService : class
{
}
