using System.Buffers.Binary;
using Directives.Bench.Transport.Protos;
using Google.Protobuf;

namespace Directives.Bench.Transport;

/// <summary>The messages both endpoints answer with, and their gRPC frames (5-byte header + message).</summary>
internal static class Payloads
{
    public const string EchoPath = "/directives.bench.transport.v1.BenchService/Echo";
    public const string StreamPath = "/directives.bench.transport.v1.BenchService/Stream";
    public const int StreamPayloadSize = 1024;

    /// <summary>grpc_bench's complex_proto values, plus a third pet to bring it to about 100 bytes.</summary>
    public static EchoRequest EchoRequest { get; } = new()
    {
        Request = new Hello
        {
            Name = "a name",
            D = 4.55332,
            F = 232.3f,
            B = true,
            N = 32,
            L = 444325235223L,
            C1 = "ofcouse",
            Pets =
            {
                new Pet { Name = "Bof the dog", Color = Pet.Types.Color.Blue },
                new Pet { Name = "Kim the cat", Color = Pet.Types.Color.Red },
                new Pet { Name = "Rex the parrot", Color = Pet.Types.Color.Green },
            },
        },
    };

    /// <summary>The reply the echo service gives: the same Hello, so the same bytes as the request.</summary>
    public static EchoReply EchoReply { get; } = new() { Response = EchoRequest.Request };

    public static StreamRequest StreamRequest { get; } = new() { Count = int.MaxValue, PayloadSize = StreamPayloadSize };

    public static Chunk StreamChunk { get; } = new() { Payload = ByteString.CopyFrom(new byte[StreamPayloadSize]) };

    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
