using System.Buffers;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Serializes a response message into the response <see cref="PipeWriter"/>. When the marshaller announces
/// the length (protobuf's generated code does) and nothing is compressed, the 5-byte header goes first and
/// the message is written straight into the pipe; otherwise it is staged in a pooled buffer.
/// Reused for every message of a call.
/// </summary>
internal sealed class ServerSerializationContext(PipeWriter pipeWriter, ServerCallSettings settings) : SerializationContext, IBufferWriter<byte>
{
    private ICompressionProvider? _compression;
    private PooledBufferWriter? _buffer;
    private int _payloadLength;
    private int _written;
    private bool _direct;
    private bool _completed;

    /// <summary>Whether any byte of any message has gone into the pipe (so the response has begun).</summary>
    public bool HasWritten { get; private set; }

    public void Serialize<T>(T message, Action<T, SerializationContext> serializer, ICompressionProvider? compression)
    {
        _compression = compression;
        _payloadLength = -1;
        _written = 0;
        _direct = false;
        _completed = false;
        try
        {
            serializer(message, this);
            if (!_completed)
            {
                throw new InvalidOperationException("The message serializer did not complete the message.");
            }
        }
        finally
        {
            _buffer?.Dispose();
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSendLimit(payloadLength);
        _payloadLength = payloadLength;
        if (_compression is null && !_direct)
        {
            MessageHeader.Write(pipeWriter.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed: false, payloadLength);
            pipeWriter.Advance(GrpcProtocolConstants.MessageHeaderSize);
            HasWritten = true;
            _direct = true;
        }
    }

    public override IBufferWriter<byte> GetBufferWriter() => _direct ? this : (_buffer ??= new PooledBufferWriter());

    public override void Complete()
    {
        if (_direct)
        {
            if (_written != _payloadLength)
            {
                throw new InvalidOperationException("The message serializer wrote " + _written + " bytes after announcing " + _payloadLength + ".");
            }
        }
        else
        {
            WritePayload(_buffer is null ? default : _buffer.WrittenSpan);
        }

        _completed = true;
    }

    public override void Complete(byte[] payload)
    {
        if (_direct)
        {
            throw new InvalidOperationException("The message was already started through the buffer writer.");
        }

        WritePayload(payload);
        _completed = true;
    }

    void IBufferWriter<byte>.Advance(int count)
    {
        _written += count;
        pipeWriter.Advance(count);
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => pipeWriter.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => pipeWriter.GetSpan(sizeHint);

    private void WritePayload(ReadOnlySpan<byte> payload)
    {
        CheckSendLimit(payload.Length);
        // An empty message is never compressed: some compressors emit nothing at all for it, which is
        // not a valid gzip stream.
        if (_compression is null || payload.IsEmpty)
        {
            WriteFramed(payload, compressed: false);
            return;
        }

        using var compressed = new PooledBufferWriter();
        MessageCompression.Compress(_compression, settings.ResponseCompressionLevel, payload, compressed);
        WriteFramed(compressed.WrittenSpan, compressed: true);
    }

    private void WriteFramed(ReadOnlySpan<byte> payload, bool compressed)
    {
        MessageHeader.Write(pipeWriter.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed, payload.Length);
        pipeWriter.Advance(GrpcProtocolConstants.MessageHeaderSize);
        HasWritten = true;
        pipeWriter.Write(payload);
    }

    private void CheckSendLimit(int length)
    {
        if (length > settings.MaxSendMessageSize)
        {
            GrpcServerLog.MessageExceedsLimit(settings.Logger, length, settings.MaxSendMessageSize.Value);
            throw new RpcException(MessageStatus.SendingMessageExceedsLimit);
        }
    }
}
