using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Directives.Testing.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// Deadlines, cancellation, disposal and transport failures: the status the caller gets, and the HTTP/2
/// stream reset the server sees.
/// </summary>
public sealed class ClientCancellationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DeadlineIsEnforcedByTheClientAndResetsTheStream()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        var stopwatch = Stopwatch.StartNew();
        using var call = client.UnaryAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300));

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        await server.Aborted.WaitAsync(Patience);
    }

    [Fact]
    public async Task DeadlineBeforeTheResponseHeadersFailsResponseHeadersAsync()
    {
        var server = await HangingServer.StartAsync(sendHeaders: false);
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        using var call = client.Duplex(deadline: DateTime.UtcNow.AddMilliseconds(200));

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, (await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest()))).StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, (await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
        await server.Aborted.WaitAsync(Patience);
    }

    [Fact]
    public async Task ExpiredDeadlineFailsWithoutSendingAnything()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task LocalTimeDeadlinesAreUnderstood()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest(), deadline: DateTime.Now.AddMilliseconds(200)).ResponseAsync.WaitAsync(Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
    }

    [Fact]
    public async Task CancelledTokenFailsWithoutSendingAnything()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest(), cancellationToken: new CancellationToken(canceled: true)).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task CancellationTokenResetsTheStream()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        using var cancellation = new CancellationTokenSource();
        using var call = client.ServerStream(new EchoRequest(), cancellationToken: cancellation.Token);
        await call.ResponseHeadersAsync;

        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        await server.Aborted.WaitAsync(Patience);
    }

    [Fact]
    public async Task DisposeCancelsAPendingUnaryCall()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        var call = client.UnaryAsync(new EchoRequest());
        await server.Started.WaitAsync(Patience);

        call.Dispose();

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        Assert.Empty(call.GetTrailers());
        await server.Aborted.WaitAsync(Patience);
    }

    [Fact]
    public async Task WriteTokenCancelsAWriteBlockedByFlowControl()
    {
        // The server never reads, so a large message stalls once the HTTP/2 flow-control windows are full.
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        using var call = client.Duplex();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var large = new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[4 * 1024 * 1024]) };

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(large, cancellation.Token)).WaitAsync(Patience);

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await server.Aborted.WaitAsync(Patience);
    }

    [Fact]
    public async Task ThrowOperationCanceledOnCancellationReplacesRpcException()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient(new GrpcChannelOptions { ThrowOperationCanceledOnCancellation = true });
        using var __ = channel;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UnaryAsync(new EchoRequest(), cancellationToken: cancellation.Token).ResponseAsync);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UnaryAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMilliseconds(100)).ResponseAsync);
    }

    [Theory]
    [InlineData(0x7, StatusCode.Unavailable)] // REFUSED_STREAM
    [InlineData(0x8, StatusCode.Cancelled)] // CANCEL
    [InlineData(0xB, StatusCode.ResourceExhausted)] // ENHANCE_YOUR_CALM
    [InlineData(0xC, StatusCode.PermissionDenied)] // INADEQUATE_SECURITY
    [InlineData(0x2, StatusCode.Internal)] // INTERNAL_ERROR
    [InlineData(0x1, StatusCode.Internal)] // PROTOCOL_ERROR
    public async Task ServerResetMapsThroughTheProtocolTable(int errorCode, StatusCode expected)
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(new EchoResponse { Message = "first" }));
            await context.Response.Body.FlushAsync();
            context.Features.Get<IHttpResetFeature>()!.Reset(errorCode);
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(expected, exception.StatusCode);
    }

    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:" + port);
        var client = new ConformanceService.ConformanceServiceClient(channel);

        var unary = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);
        using var duplex = client.Duplex();
        var write = await Assert.ThrowsAsync<RpcException>(() => duplex.RequestStream.WriteAsync(new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, unary.StatusCode);
        Assert.Equal(StatusCode.Unavailable, write.StatusCode);
        Assert.Equal(StatusCode.Unavailable, duplex.GetStatus().StatusCode);
    }

    [Fact]
    public async Task StatusAndTrailersAreOnlyAvailableOnceTheCallHasFinished()
    {
        var server = await HangingServer.StartAsync();
        await using var _ = server;
        var (channel, client) = server.Scripted.CreateClient();
        using var __ = channel;
        using var call = client.UnaryAsync(new EchoRequest());
        await server.Started.WaitAsync(Patience);

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    /// <summary>A server that starts every call and never finishes it, recording the client's reset.</summary>
    private sealed class HangingServer : IAsyncDisposable
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public ScriptedGrpcServer Scripted { get; private set; } = null!;

        public Task Started => _started.Task;

        public Task Aborted => _aborted.Task;

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<HangingServer> StartAsync(bool sendHeaders = true)
        {
            var server = new HangingServer();
            server.Scripted = await ScriptedGrpcServer.StartAsync(context => server.HandleAsync(context, sendHeaders));
            return server;
        }

        public ValueTask DisposeAsync() => Scripted.DisposeAsync();

        private async Task HandleAsync(HttpContext context, bool sendHeaders)
        {
            Interlocked.Increment(ref _requests);
            context.RequestAborted.Register(() => _aborted.TrySetResult());
            if (sendHeaders)
            {
                await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            }

            _started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client reset the stream: what the tests wait for.
            }
        }
    }
}
