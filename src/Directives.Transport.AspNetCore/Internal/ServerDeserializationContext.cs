using System.Buffers;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Hands a received payload to a deserializer without copying it. Deserialization is synchronous, so one
/// instance per thread serves every call; a nested use (a deserializer that deserializes) gets its own.
/// </summary>
internal sealed class ServerDeserializationContext : DeserializationContext
{
    [ThreadStatic]
    private static ServerDeserializationContext? _threadInstance;

    private ReadOnlySequence<byte> _payload;

    public override int PayloadLength => (int)_payload.Length;

    public static ServerDeserializationContext Rent(in ReadOnlySequence<byte> payload)
    {
        var context = _threadInstance ?? new ServerDeserializationContext();
        _threadInstance = null;
        context._payload = payload;
        return context;
    }

    public static void Return(ServerDeserializationContext context)
    {
        context._payload = default;
        _threadInstance = context;
    }

    public override byte[] PayloadAsNewBuffer() => _payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => _payload;
}
