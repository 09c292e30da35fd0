using System.Net;
using System.Net.Http.Headers;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Directives.Transport.Tests.Server;

/// <summary>What the server checks before a call starts: HTTP version, method, content-type, path.</summary>
public class ProtocolValidationTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc+json")]
    public async Task OtherContentTypesAreRefusedWith415(string contentType)
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal("13", response.Header("grpc-status"));
    }

    [Fact]
    public async Task ARequestWithoutContentTypeIsRefusedWith415()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Content!.Headers.ContentType = null;

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task GetIsRefusedWith405()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Method = HttpMethod.Get;

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.HttpStatus);
    }

    [Fact]
    public async Task UnknownServiceIsUnimplementedTrailersOnly()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/no.such.Service/Method", RawGrpc.Frame(new EchoRequest())));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("Service is unimplemented.", response.Header("grpc-message"));
    }

    [Fact]
    public async Task UnknownMethodOfAKnownServiceIsUnimplementedTrailersOnly()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("NoSuchMethod", RawGrpc.Frame(new EchoRequest())));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("Method is unimplemented.", response.Header("grpc-message"));
    }

    [Fact]
    public async Task AnUnknownPathWithoutGrpcContentTypeIsLeftToTheApplication()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/no.such.Service/Method", [], "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
        Assert.Null(response.Header("grpc-status"));
    }

    [Fact]
    public async Task Http11IsRefusedWith426()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { Protocols = HttpProtocols.Http1AndHttp2 });
        using var client = server.CreateHttpClient(HttpVersion.Version11);
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Version = HttpVersion.Version11;

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Equal("Request protocol 'HTTP/1.1' is not supported.", response.Header("grpc-message"));
    }

    [Fact]
    public async Task IgnoreUnknownServicesLeavesUnknownServicesToTheApplication()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options => options.IgnoreUnknownServices = true,
            ConfigureEndpoints = app => app.MapFallback(context =>
            {
                context.Response.StatusCode = StatusCodes.Status418ImATeapot;
                return Task.CompletedTask;
            }),
        });
        using var client = server.CreateHttpClient();

        var unknownService = await RawGrpc.SendAsync(client, RawGrpc.Request("/no.such.Service/Method", RawGrpc.Frame(new EchoRequest())));
        var unknownMethod = await RawGrpc.SendAsync(client, RawGrpc.Request("NoSuchMethod", RawGrpc.Frame(new EchoRequest())));

        Assert.Equal((HttpStatusCode)418, unknownService.HttpStatus);
        Assert.Equal("12", unknownMethod.Header("grpc-status"));
    }

    [Fact]
    public async Task TheServerSpeaksH2cOnAnHttpUrlByDefault()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));

        using var response = await client.SendAsync(request);

        Assert.Equal("http", fixture.Server.Address.Scheme);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(new MediaTypeHeaderValue("application/grpc"), response.Content.Headers.ContentType);
    }
}
