using System.Net;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Google.Protobuf;

namespace Directives.Transport.Tests.Server;

/// <summary>The four call kinds, half-close, and a handler that ends a client stream early.</summary>
public class CallKindTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Fact]
    public async Task UnaryEchoesTheMessageWithGrpcHeadersAndOkTrailers()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Message = "xin chào", Payload = ByteString.CopyFrom(1, 2, 3) });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Null(response.Trailer("grpc-message"));
        Assert.False(response.IsTrailersOnly);
        var echo = response.Message(EchoResponse.Parser);
        Assert.Equal("xin chào", echo.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, echo.Payload.ToByteArray());
        Assert.Equal(-1, echo.DeadlineRemainingMs);
        Assert.Equal("identity", echo.RequestEncoding);
        Assert.Equal(0, Assert.Single(response.Frames).Flag);
    }

    [Fact]
    public async Task UnaryAcceptsTheProtoContentSubtypeAndParameters()
    {
        using var client = fixture.Server.CreateHttpClient();

        var proto = await RawGrpc.SendAsync(client, RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { Message = "a" }), "application/grpc+proto"));
        var withParameter = await RawGrpc.SendAsync(client, RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { Message = "b" }), "application/grpc; charset=utf-8"));

        Assert.Equal(0, proto.StatusCode);
        Assert.Equal("a", proto.Message(EchoResponse.Parser).Message);
        Assert.Equal(0, withParameter.StatusCode);
    }

    [Fact]
    public async Task UnaryWithAnEmptyMessageEchoesAnEmptyMessage()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("Unary", RawGrpc.Frame([])));

        Assert.Equal(0, response.StatusCode);
        var echo = response.Message(EchoResponse.Parser);
        Assert.Equal("", echo.Message);
        Assert.True(echo.Payload.IsEmpty);
    }

    [Fact]
    public async Task ServerStreamSendsEveryResponseThenOk()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "ServerStream", new EchoRequest { Message = "s", ResponseCount = 5, ResponseSize = 100 });

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(5, response.Frames.Count);
        for (var i = 0; i < 5; i++)
        {
            var message = response.Message(EchoResponse.Parser, i);
            Assert.Equal(i, message.Index);
            Assert.Equal(100, message.Payload.Length);
        }
    }

    [Fact]
    public async Task ServerStreamWithNoResponsesEndsWithOkTrailersOnly()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "ServerStream", new EchoRequest { ResponseCount = 0 });

        Assert.Equal(0, response.StatusCode);
        Assert.True(response.IsTrailersOnly);
    }

    [Fact]
    public async Task ClientStreamReadsUntilHalfClose()
    {
        using var client = fixture.Server.CreateHttpClient();
        var body = RawGrpc.Concat(
            RawGrpc.Frame(new EchoRequest { Message = "a" }),
            RawGrpc.Frame(new EchoRequest { Message = "b" }),
            RawGrpc.Frame(new EchoRequest { Message = "c" }));

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("ClientStream", body));

        Assert.Equal(0, response.StatusCode);
        var result = response.Message(EchoResponse.Parser);
        Assert.Equal(3, result.ReceivedCount);
        Assert.Equal("abc", result.Message);
    }

    [Fact]
    public async Task ClientStreamWithNoMessagesSeesTheHalfCloseAtOnce()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("ClientStream", []));

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(0, response.Message(EchoResponse.Parser).ReceivedCount);
    }

    [Fact]
    public async Task ClientStreamMessagesSplitAcrossWritesAreReassembled()
    {
        using var client = fixture.Server.CreateHttpClient();
        var content = new StreamingContent();
        var responseTask = client.SendAsync(RawGrpc.Request("ClientStream", content), HttpCompletionOption.ResponseHeadersRead);
        var frames = RawGrpc.Concat(RawGrpc.Frame(new EchoRequest { Message = "one" }), RawGrpc.Frame(new EchoRequest { Message = "two" }));

        foreach (var chunk in frames.Chunk(3))
        {
            await content.WriteAsync(chunk);
        }

        content.Complete();
        using var httpResponse = await responseTask;
        var response = await RawResponse.ReadAsync(httpResponse);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("onetwo", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task ServerThatEndsAClientStreamEarlyAnswersOkWithoutWaitingForHalfClose()
    {
        using var client = fixture.Server.CreateHttpClient();
        var content = new StreamingContent();
        var responseTask = client.SendAsync(RawGrpc.Request("ClientStream", content), HttpCompletionOption.ResponseHeadersRead);

        await content.WriteAsync(RawGrpc.Frame(new EchoRequest { Message = "1", StopAfter = 2 }));
        await content.WriteAsync(RawGrpc.Frame(new EchoRequest { Message = "2" }));

        // The request body is still open (no half-close): the response must come anyway, and the server
        // then resets the request side (RST_STREAM NO_ERROR), discarding anything more the client sends.
        using var httpResponse = await responseTask.WaitAsync(TimeSpan.FromSeconds(10));
        var response = await RawResponse.ReadAsync(httpResponse).WaitAsync(TimeSpan.FromSeconds(10));
        content.Complete();

        Assert.Equal(0, response.StatusCode);
        var result = response.Message(EchoResponse.Parser);
        Assert.Equal(2, result.ReceivedCount);
        Assert.Equal("12", result.Message);
    }

    [Fact]
    public async Task DuplexAnswersEachRequestAsItArrives()
    {
        using var client = fixture.Server.CreateHttpClient();
        var content = new StreamingContent();
        var responseTask = client.SendAsync(RawGrpc.Request("Duplex", content), HttpCompletionOption.ResponseHeadersRead);

        await content.WriteAsync(RawGrpc.Frame(new EchoRequest { Message = "ping 0" }));
        using var httpResponse = await responseTask.WaitAsync(TimeSpan.FromSeconds(10));
        var body = await httpResponse.Content.ReadAsStreamAsync();
        var reader = new FrameReader(body);

        for (var i = 0; i < 3; i++)
        {
            var frame = await reader.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var message = EchoResponse.Parser.ParseFrom(frame);
            Assert.Equal("ping " + i, message.Message);
            Assert.Equal(i, message.Index);
            if (i < 2)
            {
                await content.WriteAsync(RawGrpc.Frame(new EchoRequest { Message = "ping " + (i + 1) }));
            }
        }

        content.Complete();
        Assert.Null(await reader.ReadAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("0", string.Join(",", httpResponse.TrailingHeaders.GetValues("grpc-status")));
    }

    [Fact]
    public async Task LargeMessagesNearTheLimitPassBothWays()
    {
        using var client = fixture.Server.CreateHttpClient();
        var payload = new byte[(4 * 1024 * 1024) - 100];
        Random.Shared.NextBytes(payload);

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Payload = ByteString.CopyFrom(payload) });

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(payload, response.Message(EchoResponse.Parser).Payload.ToByteArray());
    }
}
