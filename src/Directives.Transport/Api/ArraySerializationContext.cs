using System.Buffers;

namespace Grpc.Core;

/// <summary>Serializes into a growable array: for the array-based marshaller view and tests.</summary>
internal sealed class ArraySerializationContext : SerializationContext
{
    private ArrayBufferWriter<byte>? _writer;
    private byte[]? _payload;

    public override void Complete(byte[] payload) => _payload = payload;

    public override IBufferWriter<byte> GetBufferWriter() => _writer ??= new ArrayBufferWriter<byte>();

    public override void Complete()
    {
    }

    public byte[] ToArray() => _payload ?? _writer?.WrittenSpan.ToArray() ?? [];
}

/// <summary>Deserializes from an array.</summary>
internal sealed class ArrayDeserializationContext(byte[] payload) : DeserializationContext
{
    public override int PayloadLength => payload.Length;

    public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
}
