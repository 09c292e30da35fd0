using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>
/// Reads length-prefixed messages from a response body. Payloads are deserialized straight from the pipe's
/// buffers; only compressed ones are copied, into a pooled buffer, when inflated.
/// </summary>
internal sealed class GrpcMessageReader(PipeReader reader, int? maxReceiveMessageSize, CompressionProviderMap compressionProviders, string? encoding)
{
    private const int DecompressChunkSize = 16 * 1024;

    private readonly GrpcDeserializationContext _context = new();
    private readonly uint _maxMessageSize = (uint)(maxReceiveMessageSize ?? Array.MaxLength);

    /// <summary>The next message, or null at the end of the body. Awaited once per call, so its state is pooled.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<T?> ReadMessageAsync<T>(Func<DeserializationContext, T> deserializer, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MessageHeader.TryRead(buffer, out var flags, out var length))
            {
                if (length > _maxMessageSize)
                {
                    reader.AdvanceTo(buffer.Start);
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
                }

                if (buffer.Length >= GrpcProtocolConstants.MessageHeaderSize + length)
                {
                    var payload = buffer.Slice(GrpcProtocolConstants.MessageHeaderSize, length);
                    try
                    {
                        return Deserialize(flags, payload, deserializer);
                    }
                    finally
                    {
                        reader.AdvanceTo(payload.End);
                    }
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.IsEmpty)
                {
                    return null;
                }

                throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the response ended inside a length-prefixed message."));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Returns the pipe's buffers to their pool; the reader can't be used afterwards.</summary>
    public void Complete() => reader.Complete();

    private T Deserialize<T>(byte flags, in ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
    {
        if (flags == 0)
        {
            return DeserializePayload(payload, deserializer);
        }

        if (flags != 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {flags} in a message header."));
        }

        var provider = GetDecompressionProvider();
        using var inflated = new PooledBufferWriter((int)Math.Min(payload.Length * 4, _maxMessageSize));
        try
        {
            using var decompressor = provider.CreateDecompressionStream(new ReadOnlySequenceStream(payload));
            int read;
            while ((read = decompressor.Read(inflated.GetSpan(DecompressChunkSize))) > 0)
            {
                inflated.Advance(read);
                if ((uint)inflated.WrittenCount > _maxMessageSize)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
                }
            }
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Failed to decompress a message with grpc-encoding '{encoding}'.", ex));
        }

        return DeserializePayload(new ReadOnlySequence<byte>(inflated.WrittenMemory), deserializer);
    }

    private ICompressionProvider GetDecompressionProvider()
    {
        if (encoding is null || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Internal, "A compressed message arrived without a grpc-encoding header."));
        }

        if (!compressionProviders.TryGet(encoding, out var provider))
        {
            // The compression document: a client that can't decompress a response message fails with INTERNAL.
            throw new RpcException(new Status(StatusCode.Internal, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {compressionProviders.AcceptEncoding}."));
        }

        return provider;
    }

    private T DeserializePayload<T>(in ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
    {
        _context.SetPayload(payload);
        try
        {
            return deserializer(_context);
        }
        catch (Exception ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message.", ex));
        }
        finally
        {
            _context.SetPayload(default);
        }
    }
}
