using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// How the client reads responses, including ones no well-behaved server sends: Trailers-Only, missing
/// trailers, non-200 statuses, foreign content types, broken frames, unknown encodings.
/// </summary>
public sealed class ClientResponseTests
{
    private static readonly EchoResponse Answer = new() { Message = "đã nhận" };

    [Fact]
    public async Task TrailersOnlyResponseCarriesTheStatusInItsHeaders()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "5";
            context.Response.Headers["grpc-message"] = "Kh%C3%B4ng t%C3%ACm th%E1%BA%A5y";
            context.Response.Headers["x-province"] = "nam-dinh";
            return Task.CompletedTask;
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.UnaryAsync(new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("Không tìm thấy", exception.Status.Detail);
        Assert.Equal("nam-dinh", exception.Trailers.GetValue("x-province"));
        Assert.Null(exception.Trailers.Get("grpc-status"));
        Assert.Equal("nam-dinh", call.GetTrailers().GetValue("x-province"));
        var headersException = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);
        Assert.Equal(StatusCode.NotFound, headersException.StatusCode);
    }

    [Fact]
    public async Task TrailersOnlyOkEndsAServerStreamWithoutMessages()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "0";
            context.Response.Headers["x-note"] = "empty";
            return Task.CompletedTask;
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("empty", (await call.ResponseHeadersAsync).GetValue("x-note"));
        Assert.Equal("empty", call.GetTrailers().GetValue("x-note"));
    }

    [Fact]
    public async Task UnaryAnswerWithoutAMessageIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context => ScriptedGrpcServer.RespondAsync(context, []));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task UnaryAnswerWithTwoMessagesIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
            ScriptedGrpcServer.RespondAsync(context, [.. ScriptedGrpcServer.Frame(Answer), .. ScriptedGrpcServer.Frame(Answer)]));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task BodyEndingWithoutTrailersIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var unary = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);
        using var stream = client.ServerStream(new EchoRequest());
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var streaming = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Internal, unary.StatusCode);
        Assert.Equal(StatusCode.Internal, streaming.StatusCode);
    }

    [Fact]
    public async Task TrailersWithoutGrpcStatusAreUnknown()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
            context.Response.AppendTrailer("x-province", "hai-duong");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Equal("hai-duong", exception.Trailers.GetValue("x-province"));
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(415, StatusCode.Unknown)]
    public async Task NonOkHttpStatusMapsThroughTheProtocolTable(int httpStatus, StatusCode expected)
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("proxy error");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(expected, exception.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcStatusWinsOverTheHttpStatus()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "7";
            return Task.CompletedTask;
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, exception.StatusCode);
    }

    [Fact]
    public async Task ResponseThatIsNotGrpcIsUnknown()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>Cổng thông tin</html>");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Contains("text/html", exception.Status.Detail, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task GrpcContentTypeVariantsAreAccepted(string contentType)
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context, contentType);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        Assert.Equal(Answer, await client.UnaryAsync(new EchoRequest()));
    }

    [Theory]
    [InlineData("B%E1%BA%A1n %ZZ 100%", "Bạn %ZZ 100%")]
    [InlineData("plain text", "plain text")]
    [InlineData("%F0%9F%87%BB%F0%9F%87%B3", "🇻🇳")]
    public async Task GrpcMessageIsPercentDecodedAndMalformedEscapesKept(string wire, string expected)
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context => ScriptedGrpcServer.RespondAsync(context, [], status: 3, message: wire));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(expected, exception.Status.Detail);
    }

    [Fact]
    public async Task UnparsableGrpcStatusIsUnknown()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
            context.Response.AppendTrailer("grpc-status", "ok");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
    }

    [Fact]
    public async Task BinaryMetadataIsDecodedPaddedOrNotAndReservedHeadersAreHidden()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["x-one-bin"] = "AQ";
            context.Response.Headers["x-two-bin"] = "AQI=";
            context.Response.Headers["grpc-encoding"] = "identity";
            context.Response.Headers["grpc-accept-encoding"] = "identity,gzip";
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
            context.Response.AppendTrailer("grpc-status", "0");
            context.Response.AppendTrailer("x-three-bin", "AQID,AQ==");
            context.Response.AppendTrailer("x-text", "van-ban");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.UnaryAsync(new EchoRequest());

        await call;
        var headers = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Equal(new byte[] { 1 }, headers.GetValueBytes("x-one-bin"));
        Assert.Equal(new byte[] { 1, 2 }, headers.GetValueBytes("x-two-bin"));
        Assert.Equal([new byte[] { 1, 2, 3 }, new byte[] { 1 }], trailers.GetAll("x-three-bin").Select(e => e.ValueBytes));
        Assert.Equal("van-ban", trailers.GetValue("x-text"));
        Assert.DoesNotContain(headers, entry => entry.Key.StartsWith("grpc-", StringComparison.Ordinal) || entry.Key == "content-type");
        Assert.DoesNotContain(trailers, entry => entry.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TruncatedMessageIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
            ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer).AsSpan(0, 8).ToArray()));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task TruncatedHeaderIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context => ScriptedGrpcServer.RespondAsync(context, [0, 0, 0]));
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task NotProtobufIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
            ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame([0xFF, 0xFF, 0xFF, 0xFF])));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.NotNull(exception.Status.DebugException);
    }

    [Fact]
    public async Task InvalidCompressedFlagIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
            ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(Answer.ToByteArray(), flag: 2)));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task GzipResponsesAreDecompressed()
    {
        var large = new EchoResponse { Message = new string('x', 100_000) };
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["grpc-encoding"] = "gzip";
            await ScriptedGrpcServer.RespondAsync(context, [
                .. ScriptedGrpcServer.Frame(ScriptedGrpcServer.Gzip(Answer.ToByteArray()), flag: 1),
                .. ScriptedGrpcServer.Frame(large.ToByteArray(), flag: 0),
                .. ScriptedGrpcServer.Frame(ScriptedGrpcServer.Gzip(large.ToByteArray()), flag: 1),
            ]);
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var responses = new List<EchoResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal([Answer, large, large], responses);
    }

    [Fact]
    public async Task UnsupportedResponseEncodingIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["grpc-encoding"] = "snappy";
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame([1, 2, 3], flag: 1));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Contains("snappy", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncodingIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(context =>
            ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(ScriptedGrpcServer.Gzip(Answer.ToByteArray()), flag: 1)));
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task CorruptGzipIsInternal()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["grpc-encoding"] = "gzip";
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame([0x1F, 0x8B, 0, 0, 0], flag: 1));
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task LengthPrefixOverTheReceiveLimitFailsWithoutWaitingForThePayload()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0x50, 0, 0 });
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task DecompressedMessageOverTheReceiveLimitIsResourceExhausted()
    {
        var bomb = new EchoResponse { Payload = ByteString.CopyFrom(new byte[2 * 1024 * 1024]) };
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["grpc-encoding"] = "gzip";
            await ScriptedGrpcServer.RespondAsync(context, ScriptedGrpcServer.Frame(ScriptedGrpcServer.Gzip(bomb.ToByteArray()), flag: 1));
        });
        var (channel, client) = server.CreateClient(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 * 1024 });
        using var _ = channel;

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task MessagesSplitAcrossManyWritesAreReassembled()
    {
        var messages = Enumerable.Range(0, 20).Select(i => new EchoResponse { Index = i, Payload = ByteString.CopyFrom(new byte[i * 997]) }).ToArray();
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            var all = messages.SelectMany(ScriptedGrpcServer.Frame).ToArray();
            for (var offset = 0; offset < all.Length; offset += 3)
            {
                await context.Response.Body.WriteAsync(all.AsMemory(offset, Math.Min(3, all.Length - offset)));
                if (offset % 3000 == 0)
                {
                    await context.Response.Body.FlushAsync();
                }
            }

            context.Response.AppendTrailer("grpc-status", "0");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var received = new List<EchoResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            received.Add(response);
        }

        Assert.Equal(messages, received);
    }

    [Fact]
    public async Task ConcurrentReadsAreRejected()
    {
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var first = call.ResponseStream.MoveNext(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
        call.Dispose();
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => first)).StatusCode);
    }

    [Fact]
    public async Task ResponseHeadersArriveBeforeAnyMessage()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedGrpcServer.StartAsync(async context =>
        {
            context.Response.Headers["x-first"] = "headers";
            await ScriptedGrpcServer.StartGrpcResponseAsync(context);
            await release.Task;
            await context.Response.Body.WriteAsync(ScriptedGrpcServer.Frame(Answer));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        var (channel, client) = server.CreateClient();
        using var _ = channel;
        using var call = client.ServerStream(new EchoRequest());

        var headers = await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();

        Assert.Equal("headers", headers.GetValue("x-first"));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Same(headers, await call.ResponseHeadersAsync);
    }
}
