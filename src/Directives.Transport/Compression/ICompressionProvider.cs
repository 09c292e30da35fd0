using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>A message encoding named in <c>grpc-encoding</c>, e.g. gzip.</summary>
public interface ICompressionProvider
{
    /// <summary>The name on the wire.</summary>
    string EncodingName { get; }

    Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel);

    Stream CreateDecompressionStream(Stream stream);
}
