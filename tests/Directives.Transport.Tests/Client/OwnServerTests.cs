using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Directives.Transport.Tests.TestService;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Directives.Transport.Tests.Client;

/// <summary>Our client against our server (Directives.Transport.AspNetCore on Kestrel, h2c and TLS).</summary>
public sealed class OwnServerTests(H2cServerFixture fixture) : ConformanceClientTests(fixture.Server.Address), IClassFixture<H2cServerFixture>
{
    protected override string HandlerExceptionText => ConformanceTestService.SecretExceptionText;

    [Fact]
    public async Task GzipResponsesFromTheServerAreDecompressed()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { ConfigureGrpc = options => options.ResponseCompressionAlgorithm = "gzip" });
        var recorder = new ResponseEncodingRecorder();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = recorder, DisposeHttpClient = true });
        var client = new ConformanceService.ConformanceServiceClient(channel);
        var payload = ByteString.CopyFrom(new byte[64 * 1024]);

        var unary = await client.UnaryAsync(new EchoRequest { Payload = payload });
        using var duplex = client.Duplex();
        await duplex.RequestStream.WriteAsync(new EchoRequest { Message = "một" });
        Assert.True(await duplex.ResponseStream.MoveNext(CancellationToken.None));
        await duplex.RequestStream.CompleteAsync();
        Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(payload, unary.Payload);
        Assert.Equal("một", duplex.ResponseStream.Current.Message);
        Assert.Equal(["gzip", "gzip"], recorder.Encodings);
    }

    [Fact]
    public async Task EveryCallKindWorksOverTls()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { UseTls = true });
        var certificate = server.Certificate!;
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
        };
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        var client = new ConformanceService.ConformanceServiceClient(channel);

        var unary = await client.UnaryAsync(new EchoRequest { Message = "tls" });
        using var serverStream = client.ServerStream(new EchoRequest { ResponseCount = 2 });
        var streamed = await serverStream.ResponseStream.ReadAllAsync().CountAsync();
        using var clientStream = client.ClientStream();
        await clientStream.RequestStream.WriteAsync(new EchoRequest { Message = "a" });
        await clientStream.RequestStream.CompleteAsync();
        using var duplex = client.Duplex();
        await duplex.RequestStream.WriteAsync(new EchoRequest { Message = "b" });
        await duplex.RequestStream.CompleteAsync();
        var duplexed = await duplex.ResponseStream.ReadAllAsync().CountAsync();

        Assert.StartsWith("https://", server.Address.ToString(), StringComparison.Ordinal);
        Assert.Equal("tls", unary.Message);
        Assert.Equal(2, streamed);
        Assert.Equal(1, (await clientStream).ReceivedCount);
        Assert.Equal(1, duplexed);
    }
}
