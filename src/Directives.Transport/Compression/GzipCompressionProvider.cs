using System.IO.Compression;

namespace Grpc.Net.Compression;

/// <summary>The gzip message encoding.</summary>
public sealed class GzipCompressionProvider(CompressionLevel defaultCompressionLevel) : ICompressionProvider
{
    public GzipCompressionProvider()
        : this(CompressionLevel.Fastest)
    {
    }

    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? defaultCompressionLevel, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
}
