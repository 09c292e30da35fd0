using System.Buffers;
using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>One received payload, handed to the response marshaller without a copy.</summary>
internal sealed class GrpcDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public void SetPayload(in ReadOnlySequence<byte> payload) => _payload = payload;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
