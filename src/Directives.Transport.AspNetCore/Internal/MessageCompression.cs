using System.Buffers;
using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Compresses and decompresses message payloads into pooled buffers.</summary>
internal static class MessageCompression
{
    private const int ReadChunkSize = 4096;

    public static void Compress(ICompressionProvider provider, CompressionLevel? level, ReadOnlySpan<byte> payload, PooledBufferWriter output)
    {
        using var compressionStream = provider.CreateCompressionStream(new BufferWriterStream(output), level);
        compressionStream.Write(payload);
    }

    /// <summary>Decompresses into <paramref name="output"/>; a result over <paramref name="maxSize"/> is RESOURCE_EXHAUSTED.</summary>
    public static void Decompress(ICompressionProvider provider, in ReadOnlySequence<byte> payload, int? maxSize, PooledBufferWriter output)
    {
        try
        {
            using var decompressionStream = provider.CreateDecompressionStream(new ReadOnlySequenceStream(payload));
            while (true)
            {
                var read = decompressionStream.Read(output.GetSpan(ReadChunkSize));
                if (read == 0)
                {
                    return;
                }

                output.Advance(read);
                if (output.WrittenCount > maxSize)
                {
                    throw new RpcException(MessageStatus.ReceivedMessageExceedsLimit);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(MessageStatus.DecompressionFailed);
        }
    }
}
