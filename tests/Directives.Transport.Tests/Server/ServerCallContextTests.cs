using System.Net;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Server;

/// <summary>What a handler sees of its call, and response headers sent on first write or explicitly, once.</summary>
public class ServerCallContextTests(CapturingServerFixture fixture) : IClassFixture<CapturingServerFixture>
{
    [Fact]
    public async Task TheContextExposesTheCall()
    {
        using var client = fixture.Server.CreateHttpClient();
        var id = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Headers.Add("x-capture-id", id);
        request.Headers.Add("x-tenant", "hung-yen");
        request.Headers.Add("x-token-bin", Convert.ToBase64String([1, 2, 3]));
        request.Headers.Add("grpc-timeout", "10S");
        request.Headers.Add("grpc-accept-encoding", "identity");
        request.Headers.Add("grpc-encoding", "identity");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        var call = fixture.Capture.Calls[id];
        Assert.Equal("/directives.testing.v1.ConformanceService/Unary", call.Method);
        Assert.Equal(fixture.Server.Address.Authority, call.Host);
        Assert.Matches(@"^ipv4:127\.0\.0\.1:\d+$", call.Peer);
        Assert.InRange(call.Deadline, DateTime.UtcNow.AddSeconds(1), DateTime.UtcNow.AddSeconds(11));
        Assert.True(call.TokenCanBeCanceled);
        Assert.Equal("/directives.testing.v1.ConformanceService/Unary", call.HttpContextPath);
        var keys = call.RequestHeaders.Select(entry => entry.Key).ToList();
        Assert.Contains("x-tenant", keys);
        Assert.Equal("hung-yen", call.RequestHeaders.Single(entry => entry.Key == "x-tenant").Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, call.RequestHeaders.Single(entry => entry.Key == "x-token-bin").ValueBytes);
        foreach (var reserved in new[] { "te", "content-type", "grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "host", ":authority", ":path", ":method", ":scheme" })
        {
            Assert.DoesNotContain(reserved, keys);
        }

        Assert.All(keys, key => Assert.False(key.StartsWith("grpc-", StringComparison.Ordinal) || key.StartsWith(':'), key));
    }

    [Fact]
    public async Task TheContextOutlivesItsCallWithoutThrowing()
    {
        using var client = fixture.Server.CreateHttpClient();
        var id = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Headers.Add("x-capture-id", id);
        request.Headers.Add("grpc-timeout", "30S");

        Assert.Equal(0, (await RawGrpc.SendAsync(client, request)).StatusCode);

        var context = fixture.Capture.Contexts[id];
        Assert.False(context.CancellationToken.IsCancellationRequested);
        using var registration = context.CancellationToken.Register(() => { });
        Assert.Equal(Grpc.Core.StatusCode.OK, context.Status.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.WriteResponseHeadersAsync([]));
    }

    [Fact]
    public async Task ResponseTrailersAddedByHandlersAndInterceptorsAreSentInOrder()
    {
        using var client = fixture.Server.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest());

        Assert.Equal(0, response.StatusCode);
        Assert.Equal(["global", "service"], response.Trailers.GetValues("x-interceptor-order").SelectMany(v => v.Split(',')).Select(v => v.Trim()));
    }

    [Fact]
    public async Task AStatusSetOnTheContextIsSentAndTheResponseDropped()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { Message = "x" }));
        request.Headers.Add("x-set-status", "5");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(5, response.StatusCode);
        Assert.Equal("set by interceptor", response.RawMessage);
        Assert.Empty(response.Frames);
    }

    [Fact]
    public async Task ResponseHeadersCanBeSentOnceAndAnotherTryFails()
    {
        using var client = fixture.Server.CreateHttpClient();
        var id = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Headers.Add("x-headers-twice", "1");
        request.Headers.Add("x-capture-id", id);

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        Assert.Equal("1", response.Header("x-first-headers"));
        Assert.Null(response.Header("x-second-headers"));
        Assert.Equal("Response headers can only be sent once per call.", fixture.Capture.Calls[id].SecondHeadersWriteError);
    }

    [Fact]
    public async Task ExplicitResponseHeadersArriveBeforeTheResponse()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { EchoMetadata = true, DelayMs = 3_000 }));
        request.Headers.Add("x-echo-early", "yes");

        using var httpResponse = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("yes", string.Join(",", httpResponse.Headers.GetValues("x-echo-early")));
        var response = await RawResponse.ReadAsync(httpResponse);
        Assert.Equal(0, response.StatusCode);
    }

    [Fact]
    public async Task ResponseHeadersGoWithTheFirstStreamedMessage()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("ServerStream", RawGrpc.Frame(new EchoRequest { ResponseCount = 2, DelayMs = 1_000 }));

        using var httpResponse = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new FrameReader(await httpResponse.Content.ReadAsStreamAsync());
        var first = await reader.ReadAsync();

        Assert.Equal(HttpStatusCode.OK, httpResponse.StatusCode);
        Assert.Equal(0, EchoResponse.Parser.ParseFrom(first).Index);
        Assert.NotNull(await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }
}
