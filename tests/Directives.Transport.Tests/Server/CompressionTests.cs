using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Transport.Tests.Server;

/// <summary>grpc-encoding and grpc-accept-encoding with identity and gzip, both directions.</summary>
public class CompressionTests(H2cServerFixture fixture, CapturingServerFixture gzipServer)
    : IClassFixture<H2cServerFixture>, IClassFixture<CapturingServerFixture>
{
    [Fact]
    public async Task AGzipRequestIsDecompressed()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.GzipFrame(new EchoRequest { Message = "nén", Payload = ByteString.CopyFrom(new byte[10_000]) }));
        request.Headers.Add("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        var echo = response.Message(EchoResponse.Parser);
        Assert.Equal("nén", echo.Message);
        Assert.Equal(10_000, echo.Payload.Length);
        Assert.Equal("gzip", echo.RequestEncoding);
    }

    [Fact]
    public async Task AnUncompressedMessageUnderGzipEncodingIsReadAsIs()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("ClientStream", RawGrpc.Concat(
            RawGrpc.GzipFrame(new EchoRequest { Message = "a" }),
            RawGrpc.Frame(new EchoRequest { Message = "b" })));
        request.Headers.Add("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("ab", response.Message(EchoResponse.Parser).Message);
    }

    [Fact]
    public async Task AMessageCompressedWithAnUnsupportedEncodingIsUnimplementedAndAdvertisesTheSupportedOnes()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.GzipFrame(new EchoRequest { Message = "x" }));
        request.Headers.Add("grpc-encoding", "snappy");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(12, response.StatusCode);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
        Assert.Contains("snappy", Uri.UnescapeDataString(response.RawMessage!));
    }

    [Fact]
    public async Task ACompressedFlagWithoutGrpcEncodingIsInternal()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("Unary", RawGrpc.GzipFrame(new EchoRequest { Message = "x" })));

        Assert.Equal(13, response.StatusCode);
        Assert.Equal("Request did not include grpc-encoding value with compressed message.", response.RawMessage);
    }

    [Fact]
    public async Task ACompressedFlagUnderIdentityEncodingIsInternal()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.GzipFrame(new EchoRequest { Message = "x" }));
        request.Headers.Add("grpc-encoding", "identity");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(13, response.StatusCode);
    }

    [Fact]
    public async Task CorruptGzipIsInternal()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame([1, 2, 3, 4, 5, 6], flag: 1));
        request.Headers.Add("grpc-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(13, response.StatusCode);
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }

    [Fact]
    public async Task ResponsesAreUncompressedUnlessConfigured()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { Message = "x" }));
        request.Headers.Add("grpc-accept-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, response.Frames[0].Flag);
    }

    [Fact]
    public async Task ConfiguredResponseCompressionIsUsedWhenTheClientAcceptsIt()
    {
        using var client = gzipServer.Server.CreateHttpClient();
        var request = RawGrpc.Request("ServerStream", RawGrpc.Frame(new EchoRequest { ResponseCount = 2, ResponseSize = 5000 }));
        request.Headers.Add("grpc-accept-encoding", "identity, deflate, gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.All(response.Frames, frame => Assert.Equal(1, frame.Flag));
        Assert.True(response.Frames[0].Payload.Length < 1000);
        Assert.Equal(5000, response.Message(EchoResponse.Parser, 1).Payload.Length);
    }

    [Fact]
    public async Task ConfiguredResponseCompressionIsNotUsedWhenTheClientDoesNotAcceptIt()
    {
        using var client = gzipServer.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ResponseSize = 5000 });

        Assert.Null(response.Header("grpc-encoding"));
        Assert.Equal(0, response.Frames[0].Flag);
    }

    [Fact]
    public async Task WriteOptionsNoCompressSendsTheMessageUncompressed()
    {
        using var client = gzipServer.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { ResponseSize = 5000 }));
        request.Headers.Add("grpc-accept-encoding", "gzip");
        request.Headers.Add("x-no-compress", "1");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal(0, response.Frames[0].Flag);
        Assert.Equal(5000, response.Message(EchoResponse.Parser).Payload.Length);
    }

    [Fact]
    public async Task AnEmptyMessageIsSentUncompressedEvenWhenTheCallCompresses()
    {
        using var client = gzipServer.Server.CreateHttpClient();
        var request = RawGrpc.Request("GetCallRecord", RawGrpc.Frame(new CallRecordRequest { CallId = "never used" }));
        request.Headers.Add("grpc-accept-encoding", "gzip");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal((byte)0, Assert.Single(response.Frames).Flag);
        Assert.Empty(response.Frames[0].Payload);
    }

    [Fact]
    public async Task AHandlerCanChooseTheResponseEncodingForItsCall()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options => options.Interceptors.Add<ChooseGzipInterceptor>(),
        });
        using var client = server.CreateHttpClient();
        var accepting = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { ResponseSize = 5000 }));
        accepting.Headers.Add("grpc-accept-encoding", "identity,gzip");

        var compressed = await RawGrpc.SendAsync(client, accepting);
        var notAccepted = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { ResponseSize = 5000 });

        Assert.Equal("gzip", compressed.Header("grpc-encoding"));
        Assert.Equal(1, compressed.Frames[0].Flag);
        Assert.Null(compressed.Header("grpc-internal-encoding-request"));
        Assert.Equal(5000, compressed.Message(EchoResponse.Parser).Payload.Length);
        Assert.Null(notAccepted.Header("grpc-encoding"));
        Assert.Equal(0, notAccepted.Frames[0].Flag);
    }

    /// <summary>Asks for gzip responses the gRPC for .NET way, through a reserved response header.</summary>
    public sealed class ChooseGzipInterceptor : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
            return await continuation(request, context);
        }
    }
}
