using System.Buffers.Binary;
using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Protocol;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace Directives.Transport.Tests.Client;

/// <summary>What the client puts on the wire: request headers and length-prefixed messages, seen by a bare server.</summary>
public sealed class ClientRequestTests
{
    private static readonly EchoResponse Answer = new() { Message = "ok" };

    [Fact]
    public async Task RequestHeadersFollowTheProtocol()
    {
        var seen = new TaskCompletionSource<SeenRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            seen.TrySetResult(await SeenRequest.ReadAsync(context));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        var metadata = new Metadata
        {
            { "x-province", "tien-giang" },
            { "x-key-bin", new byte[] { 1, 2, 3, 4 } },
        };
        var request = new EchoRequest { Message = "chỉ thị" };

        await client.UnaryAsync(request, metadata, DateTime.UtcNow.AddSeconds(10));
        var seenRequest = await seen.Task;
        var headers = seenRequest.Headers;
        var body = seenRequest.Body;

        Assert.Equal("POST", seenRequest.Method);
        Assert.Equal("HTTP/2", seenRequest.Protocol);
        Assert.Equal("http", seenRequest.Scheme);
        Assert.Equal("/directives.testing.v1.ConformanceService/Unary", seenRequest.Path);
        Assert.Equal(server.Address.Authority, seenRequest.Authority);
        Assert.Equal("trailers", headers["te"]);
        Assert.Equal("application/grpc", headers["content-type"]);
        Assert.Equal("identity,gzip", headers["grpc-accept-encoding"]);
        Assert.StartsWith("grpc-dotnet-directives/", headers["user-agent"], StringComparison.Ordinal);
        Assert.Matches("^[0-9]{1,8}[HMSmun]$", headers["grpc-timeout"]);
        Assert.True(GrpcTimeout.TryParse(headers["grpc-timeout"], out var timeout));
        Assert.InRange(timeout, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        Assert.Equal("tien-giang", headers["x-province"]);
        Assert.Equal("AQIDBA", headers["x-key-bin"]);
        Assert.False(headers.ContainsKey("grpc-encoding"));
        Assert.Equal(ScriptedGrpcServer.Frame(request), body);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["content-length"]);
    }

    [Fact]
    public async Task WithHostSetsTheAuthority()
    {
        var authority = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            authority.TrySetResult(context.Request.Host.Value!);
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        await client.WithHost("hung-yen.directives.example").UnaryAsync(new EchoRequest());

        Assert.Equal("hung-yen.directives.example", await authority.Task);
    }

    [Fact]
    public async Task CallsWithoutDeadlineSendNoTimeout()
    {
        var seen = new TaskCompletionSource<SeenRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            seen.TrySetResult(await SeenRequest.ReadAsync(context));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        await client.UnaryAsync(new EchoRequest(), deadline: DateTime.MaxValue);

        Assert.False((await seen.Task).Headers.ContainsKey("grpc-timeout"));
    }

    [Fact]
    public async Task GzipRequestIsAnnouncedAndCompressedUnlessAWriteOptsOut()
    {
        var seen = new TaskCompletionSource<SeenRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            seen.TrySetResult(await SeenRequest.ReadAsync(context));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        var first = new EchoRequest { Message = new string('a', 1000) };
        var second = new EchoRequest { Message = "not compressed" };

        using var call = client.ClientStream(new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        await call.RequestStream.WriteAsync(first);
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(second);
        await call.RequestStream.CompleteAsync();
        await call;
        var request = await seen.Task;
        var frames = SplitFrames(request.Body);

        Assert.Equal("gzip", request.Headers["grpc-encoding"]);
        Assert.False(request.Headers.ContainsKey("grpc-internal-encoding-request"));
        Assert.Equal(2, frames.Count);
        Assert.Equal(1, frames[0].Flag);
        Assert.Equal(first.ToByteArray(), ScriptedGrpcServer.Gunzip(frames[0].Payload));
        Assert.Equal(0, frames[1].Flag);
        Assert.Equal(second.ToByteArray(), frames[1].Payload);
    }

    [Fact]
    public async Task UnknownRequestEncodingFailsTheCall()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context => ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer)));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest(), new Metadata { { "grpc-internal-encoding-request", "br" } }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Contains("'br'", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamingRequestSendsHeadersFirstThenOneFramePerMessageThenEndOfStream()
    {
        var headersArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var frames = new List<(byte Flag, byte[] Payload)>();
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            headersArrived.TrySetResult();
            var body = await ScriptedGrpcServer.ReadBodyAsync(context);
            frames.AddRange(SplitFrames(body));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        using var call = client.ClientStream();
        // The server sees the call before any message: the request headers are not held back.
        await headersArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var messages = Enumerable.Range(0, 3).Select(i => new EchoRequest { Message = "m" + i }).ToArray();
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        await call;

        Assert.Equal(messages.Select(m => m.ToByteArray()), frames.Select(f => f.Payload));
        Assert.All(frames, frame => Assert.Equal(0, frame.Flag));
    }

    [Fact]
    public async Task BufferedWritesGoOutWithTheNextFlush()
    {
        var body = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            body.TrySetResult(await ScriptedGrpcServer.ReadBodyAsync(context));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        using var call = client.ClientStream();
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.BufferHint);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "1" });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "2" });
        await call.RequestStream.CompleteAsync();
        await call;

        Assert.Equal(["1", "2"], SplitFrames(await body.Task).Select(f => EchoRequest.Parser.ParseFrom(f.Payload).Message));
    }

    [Fact]
    public async Task ArrayMarshallersAreFramedToo()
    {
        var body = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            body.TrySetResult(await ScriptedGrpcServer.ReadBodyAsync(context));
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame("đáp"u8));
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var method = new Method<string, string>(MethodType.Unary, "test.Strings", "Echo", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, "hỏi");

        Assert.Equal("đáp", response);
        Assert.Equal(ScriptedGrpcServer.Frame("hỏi"u8), await body.Task);
    }

    [Fact]
    public async Task UnaryRequestOverTheSendLimitNeverLeavesTheClient()
    {
        var called = false;
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            called = true;
            return ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        using var _ = channel;
        using var call = client.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[101]) });

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, call.GetStatus().StatusCode);
        Assert.False(called);
    }

    [Fact]
    public async Task StreamedMessageOverTheSendLimitEndsTheCallAndResetsTheStream()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await ScriptedGrpcServer.ReadBodyAsync(context);
        });
        var (channel, client) = server.CreateClient(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        using var _ = channel;
        using var call = client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "small" });

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, call.GetStatus().StatusCode);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConcurrentWritesAreRejected()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.Duplex();

        // The first write waits for the request stream; the second arrives while it is pending.
        var first = call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024]) });
        var second = call.RequestStream.WriteAsync(new EchoRequest());

        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.CompleteAsync());
        call.Dispose();
        await Assert.ThrowsAsync<RpcException>(() => first);
    }

    private static List<(byte Flag, byte[] Payload)> SplitFrames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }

    private sealed record SeenRequest(string Method, string Protocol, string Scheme, string Path, string Authority, Dictionary<string, string> Headers, byte[] Body)
    {
        public static async Task<SeenRequest> ReadAsync(HttpContext context)
        {
            var request = context.Request;
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var body = await ScriptedGrpcServer.ReadBodyAsync(context);
            return new SeenRequest(request.Method, request.Protocol, request.Scheme, request.Path, request.Host.Value!, headers, body);
        }
    }
}
