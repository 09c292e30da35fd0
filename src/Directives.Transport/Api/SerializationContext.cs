using System.Buffers;

namespace Grpc.Core;

/// <summary>Where a marshaller writes one serialized message.</summary>
public abstract class SerializationContext
{
    /// <summary>Completes serialization with the whole payload in one array.</summary>
    public virtual void Complete(byte[] payload) => throw new NotSupportedException();

    /// <summary>A buffer writer to serialize into; call <see cref="Complete()"/> when done.</summary>
    public virtual IBufferWriter<byte> GetBufferWriter() => throw new NotSupportedException();

    /// <summary>Announces the payload length before writing to the buffer writer.</summary>
    public virtual void SetPayloadLength(int payloadLength)
    {
    }

    /// <summary>Completes serialization done through <see cref="GetBufferWriter"/>.</summary>
    public virtual void Complete() => throw new NotSupportedException();
}
