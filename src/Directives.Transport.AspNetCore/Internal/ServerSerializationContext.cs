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
/// Serialization is synchronous, so one instance per thread serves every call.
/// </summary>
internal sealed class ServerSerializationContext : SerializationContext, IBufferWriter<byte>
{
    [ThreadStatic]
    private static ServerSerializationContext? _threadInstance;

    private PipeWriter _pipeWriter = null!;
    private ServerCallSettings _settings = null!;
    private ICompressionProvider? _compression;
    private PooledBufferWriter? _buffer;
    private int _payloadLength;
    private int _written;
    private bool _direct;
    private bool _completed;

    /// <summary>Whether any byte of the message has gone into the pipe (so the response has begun).</summary>
    public bool HasWritten { get; private set; }

    public static ServerSerializationContext Rent(PipeWriter pipeWriter, ServerCallSettings settings, ICompressionProvider? compression)
    {
        var context = _threadInstance ?? new ServerSerializationContext();
        _threadInstance = null;
        context._pipeWriter = pipeWriter;
        context._settings = settings;
        context._compression = compression;
        context.HasWritten = false;
        return context;
    }

    public static void Return(ServerSerializationContext context)
    {
        context._pipeWriter = null!;
        context._settings = null!;
        context._compression = null;
        _threadInstance = context;
    }

    public void Serialize<T>(T message, Action<T, SerializationContext> serializer)
    {
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
            MessageHeader.Write(_pipeWriter.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed: false, payloadLength);
            _pipeWriter.Advance(GrpcProtocolConstants.MessageHeaderSize);
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
        _pipeWriter.Advance(count);
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => _pipeWriter.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => _pipeWriter.GetSpan(sizeHint);

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
        MessageCompression.Compress(_compression, _settings.ResponseCompressionLevel, payload, compressed);
        WriteFramed(compressed.WrittenSpan, compressed: true);
    }

    private void WriteFramed(ReadOnlySpan<byte> payload, bool compressed)
    {
        MessageHeader.Write(_pipeWriter.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed, payload.Length);
        _pipeWriter.Advance(GrpcProtocolConstants.MessageHeaderSize);
        HasWritten = true;
        _pipeWriter.Write(payload);
    }

    private void CheckSendLimit(int length)
    {
        if (length > _settings.MaxSendMessageSize)
        {
            GrpcServerLog.MessageExceedsLimit(_settings.Logger, length, _settings.MaxSendMessageSize.Value);
            throw new RpcException(MessageStatus.SendingMessageExceedsLimit);
        }
    }
}
