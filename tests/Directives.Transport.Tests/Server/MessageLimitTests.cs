using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Directives.Transport.Tests.TestService;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.Tests.Server;

/// <summary>Messages over the receive or send limit end the call RESOURCE_EXHAUSTED.</summary>
public class MessageLimitTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Fact]
    public async Task AMessageOverTheDefault4MiBReceiveLimitIsResourceExhausted()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) });

        Assert.Equal(8, response.StatusCode);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }

    [Fact]
    public async Task TheLimitIsCheckedOnTheLengthPrefixBeforeTheBodyArrives()
    {
        using var client = fixture.Server.CreateHttpClient();
        var content = new StreamingContent();
        var header = RawGrpc.Frame(new byte[16])[..5];
        header[1] = 0x7F;

        var responseTask = client.SendAsync(RawGrpc.Request("ClientStream", content), HttpCompletionOption.ResponseHeadersRead);
        await content.WriteAsync(header);
        using var httpResponse = await responseTask.WaitAsync(TimeSpan.FromSeconds(10));
        var response = await RawResponse.ReadAsync(httpResponse);

        Assert.Equal(8, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredLimitsApplyToBothDirections()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options =>
            {
                options.MaxReceiveMessageSize = 1024;
                options.MaxSendMessageSize = 2048;
            },
        });
        using var client = server.CreateHttpClient();

        var tooBigRequest = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Payload = ByteString.CopyFrom(new byte[1100]) });
        var tooBigResponse = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ResponseSize = 3000 });
        var fits = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ResponseSize = 1500 });

        Assert.Equal(8, tooBigRequest.StatusCode);
        Assert.Equal("Received message exceeds the maximum configured message size.", tooBigRequest.RawMessage);
        Assert.Equal(8, tooBigResponse.StatusCode);
        Assert.True(tooBigResponse.IsTrailersOnly);
        Assert.Equal("Sending message exceeds the maximum configured message size.", tooBigResponse.RawMessage);
        Assert.Equal(0, fits.StatusCode);
    }

    [Fact]
    public async Task TheSendLimitInAStreamEndsItAfterTheMessagesThatFit()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { ConfigureGrpc = options => options.MaxSendMessageSize = 2048 });
        using var client = server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Duplex", new EchoRequest { ResponseSize = 4096 });
        var streamed = await RawGrpc.SendAsync(client, RawGrpc.Request("Duplex", RawGrpc.Concat(
            RawGrpc.Frame(new EchoRequest { ResponseSize = 100 }),
            RawGrpc.Frame(new EchoRequest { ResponseSize = 4096 }))));

        Assert.Equal(8, response.StatusCode);
        Assert.Equal(8, streamed.StatusCode);
        Assert.Single(streamed.Frames);
    }

    [Fact]
    public async Task ADecompressedMessageOverTheLimitIsResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { ConfigureGrpc = options => options.MaxReceiveMessageSize = 10_000 });
        using var client = server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.GzipFrame(new EchoRequest { Payload = ByteString.CopyFrom(new byte[50_000]) }));
        request.Headers.Add("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(8, response.StatusCode);
    }

    [Fact]
    public async Task PerServiceOptionsOverrideTheGlobalOnes()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options => options.MaxReceiveMessageSize = 100_000,
            ConfigureServices = grpc => grpc.AddServiceOptions<ConformanceTestService>(options => options.MaxReceiveMessageSize = 500),
        });
        using var client = server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Payload = ByteString.CopyFrom(new byte[600]) });

        Assert.Equal(8, response.StatusCode);
    }
}
