using System.Buffers;
using System.Collections.Concurrent;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace Directives.Transport.Tests.Client;

/// <summary>The channel: addresses, options, its connection layer (h2c, TLS with ALPN, extra connections).</summary>
public sealed class GrpcChannelTests
{
    private static readonly EchoResponse Answer = new() { Message = "ok" };

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("localhost:5000")]
    public void AddressMustBeHttpOrHttps(string address)
    {
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress(address));
    }

    [Fact]
    public void OptionsAreValidated()
    {
        using var handler = new SocketsHttpHandler();
        using var httpClient = new HttpClient();

        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("http://127.0.0.1:1", new GrpcChannelOptions { HttpClient = httpClient, HttpHandler = handler }));
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("http://127.0.0.1:1", new GrpcChannelOptions { MaxReceiveMessageSize = -1 }));
    }

    [Fact]
    public void TargetIsTheAuthorityAndTheInvokerIsShared()
    {
        using var channel = GrpcChannel.ForAddress("https://directives.example:8443");

        Assert.Equal("directives.example:8443", channel.Target);
        Assert.Same(channel.CreateCallInvoker(), channel.CreateCallInvoker());
    }

    [Fact]
    public void DisposedChannelStartsNoCalls()
    {
        var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new ConformanceService.ConformanceServiceClient(channel);

        channel.Dispose();

        Assert.Throws<ObjectDisposedException>(() => channel.CreateCallInvoker());
        Assert.Throws<ObjectDisposedException>(() => client.UnaryAsync(new EchoRequest()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DisposeHttpClientDecidesWhoOwnsTheHandler(bool disposeHttpClient)
    {
        var handler = new TrackingHandler();
        var channel = GrpcChannel.ForAddress("http://127.0.0.1:1", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = disposeHttpClient });

        channel.Dispose();

        Assert.Equal(disposeHttpClient, handler.Disposed);
    }

    [Fact]
    public void DefaultHandlerIsTunedForGrpc()
    {
        using var handler = DefaultHttpHandler.Create();

        Assert.True(handler.EnableMultipleHttp2Connections);
        Assert.Equal(Timeout.InfiniteTimeSpan, handler.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), handler.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), handler.KeepAlivePingTimeout);
        Assert.Equal(HttpKeepAlivePingPolicy.WithActiveRequests, handler.KeepAlivePingPolicy);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task AddressPathIsKeptBeforeTheMethodPath()
    {
        var path = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            path.TrySetResult(context.Request.Path.Value!);
            return ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        using var channel = GrpcChannel.ForAddress(new Uri(server.Address, "/gateway/"));

        await new ConformanceService.ConformanceServiceClient(channel).UnaryAsync(new EchoRequest());

        Assert.Equal("/gateway/directives.testing.v1.ConformanceService/Unary", await path.Task);
    }

    [Fact]
    public async Task TlsWithTheCallersHandlerNegotiatesHttp2()
    {
        using var certificate = TestCertificate.Create();
        var seen = new TaskCompletionSource<(string Scheme, string Protocol)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(
            context =>
            {
                seen.TrySetResult((context.Request.Scheme, context.Request.Protocol));
                return ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
            },
            certificate);
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
        };
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });

        var response = await new ConformanceService.ConformanceServiceClient(channel).UnaryAsync(new EchoRequest());

        Assert.Equal(Answer, response);
        Assert.StartsWith("https://", server.Address.ToString(), StringComparison.Ordinal);
        Assert.Equal(("https", "HTTP/2"), await seen.Task);
    }

    [Fact]
    public async Task UntrustedCertificateIsUnavailable()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await ScriptedGrpcServer.StartAsync(context => ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer)), certificate);
        using var channel = GrpcChannel.ForAddress(server.Address);

        var exception = await Assert.ThrowsAsync<RpcException>(() => new ConformanceService.ConformanceServiceClient(channel).UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
    }

    [Fact]
    public async Task CallersHttpClientStreamsResponsesWithoutBuffering()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(PingPongAsync);
        using var httpClient = new HttpClient();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpClient = httpClient });
        var client = new ConformanceService.ConformanceServiceClient(channel);
        using var call = client.Duplex();

        // Each answer is sent only after its request arrives: a buffered response would never complete.
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "ping" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ExtraConnectionsOpenWhenTheServerStreamLimitIsReached()
    {
        const int Calls = 8;
        var connections = new ConcurrentDictionary<string, bool>();
        await using var server = await ScriptedGrpcServer.StartAsync(
            async context =>
            {
                connections.TryAdd(context.Connection.Id, true);
                await Task.Delay(300);
                await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
            },
            configureKestrel: kestrel => kestrel.Limits.Http2.MaxStreamsPerConnection = 1);
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => client.UnaryAsync(new EchoRequest()).ResponseAsync));

        // One connection would have served the calls one after the other.
        Assert.True(connections.Count > 1, $"{connections.Count} connection(s)");
    }

    [Theory]
    [InlineData(1, StatusCode.OK)]
    [InlineData(int.MaxValue, StatusCode.Unavailable)]
    public async Task RefusedStreamIsRetriedTransparently(int refusals, StatusCode expected)
    {
        var requests = 0;
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref requests) <= refusals)
            {
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResetFeature>()!.Reset(0x7);
                return Task.CompletedTask;
            }

            return ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.UnaryAsync(new EchoRequest { Message = "retry me" });

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await call;
            throw new InvalidOperationException("succeeded");
        });

        // The handler may retry a refused request by itself too (when none of its body was sent).
        Assert.Equal(expected, call.GetStatus().StatusCode);
        Assert.True(requests >= 2, requests + " request(s)");
    }

    private static async Task PingPongAsync(HttpContext context)
    {
        await ScriptedGrpcServer.StartGrpcResponseAsync(context);
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (buffer.Length >= 5)
            {
                var header = buffer.Slice(0, 5).ToArray();
                var length = (header[1] << 24) | (header[2] << 16) | (header[3] << 8) | header[4];
                if (buffer.Length < 5 + length)
                {
                    break;
                }

                await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
                await context.Response.Body.FlushAsync();
                buffer = buffer.Slice(5 + length);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    private sealed class TrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
