using System.Buffers;

namespace Grpc.Core;

/// <summary>One received message's payload, for a marshaller to deserialize.</summary>
public abstract class DeserializationContext
{
    public abstract int PayloadLength { get; }

    /// <summary>The payload copied into a new array.</summary>
    public virtual byte[] PayloadAsNewBuffer() => throw new NotSupportedException();

    /// <summary>The payload without a copy; valid only during the deserializer call.</summary>
    public virtual ReadOnlySequence<byte> PayloadAsReadOnlySequence() => throw new NotSupportedException();
}
