using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Directives.Transport.Tests.Client;

/// <summary>Our client against a second third-party server, python3-grpcio, which compresses every response.</summary>
public sealed class PythonServerTests(PythonServerFixture fixture) : ConformanceClientTests(fixture.Server.Address), IClassFixture<PythonServerFixture>
{
    // server.py answers UNKNOWN itself for a handler exception (grpcio would leak the text).
    protected override string HandlerExceptionText => "LEAK-CANARY";

    [Fact]
    public async Task GzipResponsesFromTheServerAreDecompressed()
    {
        var recorder = new ResponseEncodingRecorder();
        using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = recorder, DisposeHttpClient = true });
        var client = new ConformanceService.ConformanceServiceClient(channel);
        var payload = ByteString.CopyFrom(new byte[64 * 1024]);

        var unary = await client.UnaryAsync(new EchoRequest { Message = "nén", Payload = payload });
        using var stream = client.ServerStream(new EchoRequest { ResponseCount = 3, ResponseSize = 100_000 });
        var sizes = new List<int>();
        await foreach (var response in stream.ResponseStream.ReadAllAsync())
        {
            sizes.Add(response.Payload.Length);
        }

        Assert.Equal(payload, unary.Payload);
        Assert.Equal([100_000, 100_000, 100_000], sizes);
        Assert.Equal(["gzip", "gzip"], recorder.Encodings);
    }
}
