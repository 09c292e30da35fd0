using System.Buffers;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Hands a received payload to a deserializer without copying it; reused for every message of a call.</summary>
internal sealed class ServerDeserializationContext : DeserializationContext
{
    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public void SetPayload(in ReadOnlySequence<byte> payload) => _payload = payload;

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
