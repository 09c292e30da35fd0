using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Google.Protobuf;

namespace Directives.Transport.Tests.Server;

/// <summary>Broken framing and bytes that are not protobuf end the call with INTERNAL; the server stays up.</summary>
public class MalformedInputTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    public static TheoryData<string, string, byte[]> MalformedBodies() => new()
    {
        { "truncated frame at the end of the body", "Unary", RawGrpc.Frame(new EchoRequest { Message = "cut short" })[..^3] },
        { "length prefix beyond the body", "Unary", [0, 0, 0, 3, 232, 1, 2, 3] },
        { "partial header", "Unary", [0, 0, 0] },
        { "empty body for a unary call", "Unary", [] },
        { "two messages for a unary call", "Unary", RawGrpc.Concat(RawGrpc.Frame(new EchoRequest()), RawGrpc.Frame(new EchoRequest())) },
        { "bytes that are not protobuf", "Unary", RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) },
        { "a field with a length beyond the message", "Unary", RawGrpc.Frame([0x0A, 0x7F, 0x41]) },
        { "unknown compressed flag", "Unary", RawGrpc.Frame(new EchoRequest { Message = "x" }.ToByteArray(), flag: 2) },
        { "truncated frame in a client stream", "ClientStream", RawGrpc.Concat(RawGrpc.Frame(new EchoRequest { Message = "ok" }), [0, 0, 0, 0, 9, 1]) },
        { "bytes that are not protobuf in a duplex stream", "Duplex", RawGrpc.Frame([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]) },
        { "truncated frame in a server-streaming request", "ServerStream", RawGrpc.Frame(new EchoRequest { ResponseCount = 1 })[..^1] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedInputIsInternalAndTheServerStaysUp(string what, string method, byte[] body)
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request(method, body));

        Assert.True(response.StatusCode == 13, what + ": status " + response.StatusCode + " " + response.RawMessage);
        var healthy = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Message = "still up" });
        Assert.Equal(0, healthy.StatusCode);
        Assert.Equal("still up", healthy.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task ManyMalformedCallsInParallelLeaveTheServerServing()
    {
        using var client = fixture.Server.CreateHttpClient();
        var bad = MalformedBodies().Select(row => (byte[])row[2]).ToArray();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            RawGrpc.SendAsync(client, RawGrpc.Request("Unary", bad[i % bad.Length]))));

        Assert.All(responses, response => Assert.Equal(13, response.StatusCode));
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }
}
