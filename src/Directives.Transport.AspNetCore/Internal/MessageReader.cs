using System.Buffers;
using Grpc.Core;
using Grpc.Core.Protocol;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Parses length-prefixed messages off the request <see cref="System.IO.Pipelines.PipeReader"/>.</summary>
internal static class MessageReader
{
    /// <summary>
    /// Reads the one request message of a unary or server-streaming call: the body must hold exactly one
    /// message. An oversized or malformed header fails as soon as it arrives.
    /// </summary>
    public static async ValueTask<T> ReadSingleMessageAsync<T>(HttpContextServerCallContext context, Func<DeserializationContext, T> deserializer)
    {
        var reader = context.HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.DeadlineToken);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            try
            {
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException();
                }

                var remaining = buffer;
                var hasMessage = TryReadMessage(ref remaining, context, out var payload, out var compressed);
                if (hasMessage && !remaining.IsEmpty)
                {
                    throw new RpcException(MessageStatus.AdditionalData);
                }

                if (!result.IsCompleted)
                {
                    continue;
                }

                consumed = buffer.End;
                if (!hasMessage)
                {
                    throw new RpcException(buffer.IsEmpty ? MessageStatus.MissingMessage : MessageStatus.IncompleteMessage);
                }

                return Deserialize(context, payload, compressed, deserializer);
            }
            finally
            {
                reader.AdvanceTo(consumed, buffer.End);
            }
        }
    }

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/> if it is all there. Throws when the
    /// header announces a message over the receive limit or carries an unknown flag.
    /// </summary>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, HttpContextServerCallContext context, out ReadOnlySequence<byte> payload, out bool compressed)
    {
        payload = default;
        compressed = false;
        if (!MessageHeader.TryRead(buffer, out var flags, out var length))
        {
            return false;
        }

        if (flags > 1)
        {
            throw new RpcException(MessageStatus.InvalidCompressedFlag);
        }

        var limit = context.Settings.MaxReceiveMessageSize ?? int.MaxValue - GrpcProtocolConstants.MessageHeaderSize;
        if (length > limit)
        {
            GrpcServerLog.MessageExceedsLimit(context.Settings.Logger, length, limit);
            throw new RpcException(MessageStatus.ReceivedMessageExceedsLimit);
        }

        if (buffer.Length - GrpcProtocolConstants.MessageHeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocolConstants.MessageHeaderSize, length);
        compressed = flags == 1;
        buffer = buffer.Slice(payload.End);
        context.OnRequestMessage();
        return true;
    }

    /// <summary>Decompresses if needed and deserializes; anything but an RpcException becomes INTERNAL.</summary>
    public static T Deserialize<T>(HttpContextServerCallContext context, in ReadOnlySequence<byte> payload, bool compressed, Func<DeserializationContext, T> deserializer)
    {
        if (!compressed)
        {
            return DeserializePayload(payload, deserializer);
        }

        var encoding = context.RequestEncoding ?? throw new RpcException(MessageStatus.CompressedWithoutEncoding);
        var provider = context.Settings.GetCompressionProvider(encoding);
        if (provider is null)
        {
            GrpcServerLog.UnsupportedRequestEncoding(context.Settings.Logger, encoding);
            throw new RpcException(new Status(
                StatusCode.Unimplemented,
                "Unsupported grpc-encoding value '" + encoding + "'. Supported encodings: " + context.Settings.AcceptEncoding));
        }

        using var decompressed = new PooledBufferWriter();
        MessageCompression.Decompress(provider, payload, context.Settings.MaxReceiveMessageSize, decompressed);
        return DeserializePayload(decompressed.WrittenSequence, deserializer);
    }

    private static T DeserializePayload<T>(in ReadOnlySequence<byte> payload, Func<DeserializationContext, T> deserializer)
    {
        var deserializationContext = ServerDeserializationContext.Rent(payload);
        try
        {
            return deserializer(deserializationContext);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw new RpcException(new Status(MessageStatus.DeserializationFailed.StatusCode, MessageStatus.DeserializationFailed.Detail, exception));
        }
        finally
        {
            ServerDeserializationContext.Return(deserializationContext);
        }
    }
}
