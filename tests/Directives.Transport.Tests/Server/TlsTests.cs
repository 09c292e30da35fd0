using System.Net;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Server;

/// <summary>gRPC over TLS: an <c>https://</c> URL negotiates h2 by ALPN.</summary>
public class TlsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task UnaryAndStreamingWorkOverTls()
    {
        using var client = fixture.Server.CreateHttpClient();

        var unary = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest { Message = "bảo mật" });
        var stream = await RawGrpc.UnaryAsync(client, "ServerStream", new EchoRequest { ResponseCount = 3, ResponseSize = 10 });

        Assert.Equal("https", fixture.Server.Address.Scheme);
        Assert.Equal(0, unary.StatusCode);
        Assert.Equal("bảo mật", unary.Message(EchoResponse.Parser).Message);
        Assert.Equal(0, stream.StatusCode);
        Assert.Equal(3, stream.Frames.Count);
    }

    [Fact]
    public async Task TheConnectionIsHttp2NegotiatedByAlpn()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("0", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
    }
}
