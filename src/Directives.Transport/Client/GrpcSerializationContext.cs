using System.Buffers;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>
/// Writes a call's outgoing messages as length-prefixed gRPC messages into an output buffer (the request
/// pipe, or a pooled buffer). When the marshaller announces the payload length and the message is not
/// compressed, the payload is serialized straight into the output behind its header: no intermediate copy.
/// Otherwise it is serialized into a reused pooled buffer first, then compressed and framed.
/// </summary>
internal sealed class GrpcSerializationContext : SerializationContext, IBufferWriter<byte>
{
    // Serialization is synchronous, so one context per thread serves every call on it; the pooled buffers
    // it keeps for compression are reused across calls.
    [ThreadStatic]
    private static GrpcSerializationContext? _cachedForThread;

    private IBufferWriter<byte>? _output;
    private ICompressionProvider? _compressionProvider;
    private PooledBufferWriter? _payloadBuffer;
    private PooledBufferWriter? _compressedBuffer;
    private int? _maxSendMessageSize;
    private int _declaredLength;
    private int _directWritten;
    private State _state;

    private enum State
    {
        Started,
        DirectPayload,
        BufferedPayload,
        Completed,
    }

    /// <summary>
    /// Serializes one message and frames it into <paramref name="output"/>. Nothing reaches the output when
    /// the message is over the send limit (RESOURCE_EXHAUSTED).
    /// </summary>
    public static void WriteMessage<T>(Action<T, SerializationContext> serializer, T message, IBufferWriter<byte> output, ICompressionProvider? compressionProvider, int? maxSendMessageSize)
    {
        // A marshaller that serializes another call's message from inside its own gets a fresh context.
        var context = _cachedForThread ?? new GrpcSerializationContext();
        _cachedForThread = null;
        try
        {
            context.Write(serializer, message, output, compressionProvider, maxSendMessageSize);
        }
        finally
        {
            _cachedForThread = context;
        }
    }

    private void Write<T>(Action<T, SerializationContext> serializer, T message, IBufferWriter<byte> output, ICompressionProvider? compressionProvider, int? maxSendMessageSize)
    {
        _maxSendMessageSize = maxSendMessageSize;
        _output = output;
        _compressionProvider = compressionProvider;
        _declaredLength = -1;
        _directWritten = 0;
        _state = State.Started;
        try
        {
            serializer(message, this);
            if (_state != State.Completed)
            {
                throw new InvalidOperationException("The request marshaller did not complete serialization.");
            }
        }
        finally
        {
            _output = null;
        }
    }

    public override void SetPayloadLength(int payloadLength)
    {
        CheckSendLimit(payloadLength);
        _declaredLength = payloadLength;
    }

    public override IBufferWriter<byte> GetBufferWriter()
    {
        var output = _output ?? throw new InvalidOperationException("No message is being serialized.");
        if (_state != State.Started)
        {
            throw new InvalidOperationException("GetBufferWriter can be called once per message.");
        }

        if (_compressionProvider is null && _declaredLength >= 0)
        {
            var span = output.GetSpan(GrpcProtocolConstants.MessageHeaderSize + _declaredLength);
            MessageHeader.Write(span, compressed: false, _declaredLength);
            output.Advance(GrpcProtocolConstants.MessageHeaderSize);
            _state = State.DirectPayload;
            return this;
        }

        _payloadBuffer ??= new PooledBufferWriter(Math.Max(_declaredLength, 0));
        _payloadBuffer.Reset();
        _state = State.BufferedPayload;
        return _payloadBuffer;
    }

    public override void Complete()
    {
        switch (_state)
        {
            case State.DirectPayload when _directWritten != _declaredLength:
                throw new InvalidOperationException($"The request marshaller announced {_declaredLength} bytes but wrote {_directWritten}.");
            case State.DirectPayload:
                break;
            case State.BufferedPayload:
                WriteFrame(_payloadBuffer!.WrittenSpan);
                break;
            default:
                throw new InvalidOperationException("Complete() without GetBufferWriter().");
        }

        _state = State.Completed;
    }

    public override void Complete(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_state != State.Started)
        {
            throw new InvalidOperationException("The message is already being serialized through GetBufferWriter().");
        }

        WriteFrame(payload);
        _state = State.Completed;
    }

    void IBufferWriter<byte>.Advance(int count)
    {
        _directWritten += count;
        _output!.Advance(count);
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => _output!.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => _output!.GetSpan(sizeHint);

    private void WriteFrame(ReadOnlySpan<byte> payload)
    {
        CheckSendLimit(payload.Length);
        var output = _output!;
        if (_compressionProvider is null)
        {
            MessageHeader.Write(output.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed: false, payload.Length);
            output.Advance(GrpcProtocolConstants.MessageHeaderSize);
            output.Write(payload);
            return;
        }

        _compressedBuffer ??= new PooledBufferWriter(payload.Length / 2);
        _compressedBuffer.Reset();
        using (var compressor = _compressionProvider.CreateCompressionStream(new BufferWriterStream(_compressedBuffer), compressionLevel: null))
        {
            compressor.Write(payload);
        }

        MessageHeader.Write(output.GetSpan(GrpcProtocolConstants.MessageHeaderSize), compressed: true, _compressedBuffer.WrittenCount);
        output.Advance(GrpcProtocolConstants.MessageHeaderSize);
        output.Write(_compressedBuffer.WrittenSpan);
    }

    private void CheckSendLimit(int payloadLength)
    {
        if (payloadLength > _maxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }
    }
}
