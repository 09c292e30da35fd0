using System.Diagnostics;
using Directives.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// Our client against a real gRPC server implementing conformance.proto: every call kind, deadlines,
/// cancellation, metadata, statuses, compression and limits. Each server under test derives from this class.
/// </summary>
public abstract class ConformanceClientTests : IDisposable
{
    private const string VietnameseMessage = "Chỉ thị 15/CT-UBND đã hết hiệu lực: không thể giao nhiệm vụ \"bảo đảm an ninh\" 100%";
    private static readonly TimeSpan CallRecordWait = TimeSpan.FromSeconds(10);

    private readonly GrpcChannel _channel;

    protected ConformanceClientTests(Uri address, GrpcChannelOptions? options = null)
    {
        Address = address;
        _channel = GrpcChannel.ForAddress(address, options ?? new GrpcChannelOptions());
        Client = new ConformanceService.ConformanceServiceClient(_channel);
    }

    protected Uri Address { get; }

    protected ConformanceService.ConformanceServiceClient Client { get; }

    /// <summary>The text the server's handler throws, which must never reach the client.</summary>
    protected abstract string HandlerExceptionText { get; }

    public void Dispose()
    {
        _channel.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task UnaryCallEchoesTheRequest()
    {
        using var call = Client.UnaryAsync(new EchoRequest { Message = "xin chào", Payload = ByteString.CopyFrom(1, 2, 3) });

        var response = await call;

        Assert.Equal("xin chào", response.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, response.Payload.ToByteArray());
        Assert.Equal(-1, response.DeadlineRemainingMs);
        Assert.Equal("identity", response.RequestEncoding);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.NotNull(call.GetTrailers());
    }

    [Fact]
    public void BlockingUnaryCallReturnsTheResponse()
    {
        var response = Client.Unary(new EchoRequest { Message = "blocking" });

        Assert.Equal("blocking", response.Message);
    }

    [Fact]
    public async Task DeadlineIsSentAsGrpcTimeout()
    {
        var response = await Client.UnaryAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.InRange(response.DeadlineRemainingMs, 20_000, 30_000);
    }

    [Fact]
    public async Task ServerStreamingCallReadsEveryMessageInOrder()
    {
        using var call = Client.ServerStream(new EchoRequest { Message = "tin", ResponseCount = 5, ResponseSize = 100 });

        var indexes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal("tin", response.Message);
            Assert.Equal(100, response.Payload.Length);
            indexes.Add(response.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ServerStreamingCallWithNoMessagesEndsWithOk()
    {
        using var call = Client.ServerStream(new EchoRequest { ResponseCount = 0 });

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreamingCallEndsWhenTheClientHalfCloses()
    {
        using var call = Client.ClientStream();
        foreach (var part in new[] { "Ban ", "Chỉ đạo ", "138" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = part });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(3, response.ReceivedCount);
        Assert.Equal("Ban Chỉ đạo 138", response.Message);
    }

    [Fact]
    public async Task ClientStreamingCallWithNoMessagesStillGetsAnAnswer()
    {
        using var call = Client.ClientStream();

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(0, response.ReceivedCount);
    }

    [Fact]
    public async Task ServerCanEndAClientStreamEarly()
    {
        using var call = Client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a", StopAfter = 2 });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "b" });

        // The server answers without waiting for the half-close.
        var response = await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, response.ReceivedCount);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest { Message = "c" }));
        await call.RequestStream.CompleteAsync();
    }

    [Fact]
    public async Task DuplexCallAnswersEveryMessageAsItArrives()
    {
        using var call = Client.Duplex();
        for (var i = 0; i < 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "ping " + i });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal("ping " + i, call.ResponseStream.Current.Message);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task HalfClosedRequestStreamRejectsWrites()
    {
        using var call = Client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "one" });
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task DeadlineExceededEndsTheCallOnBothSides()
    {
        var callId = NewCallId();
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync(new EchoRequest { CallId = callId, DelayMs = 20_000 }, deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        var record = await GetCallRecordAsync(callId);
        Assert.True(record.Found);
        Assert.True(record.Finished);
        Assert.True(record.Cancelled);
    }

    [Fact]
    public async Task DeadlineExceededInTheMiddleOfAServerStream()
    {
        var callId = NewCallId();
        using var call = Client.ServerStream(new EchoRequest { CallId = callId, ResponseCount = 1000, DelayMs = 50 }, deadline: DateTime.UtcNow.AddMilliseconds(1500));

        var received = 0;
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.InRange(received, 1, 999);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        Assert.True((await GetCallRecordAsync(callId)).Cancelled);
    }

    [Fact]
    public async Task CancellationTokenCancelsTheCallOnBothSides()
    {
        var callId = NewCallId();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync(new EchoRequest { CallId = callId, DelayMs = 20_000 }, cancellationToken: cancellation.Token).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        var record = await GetCallRecordAsync(callId);
        Assert.True(record.Finished);
        Assert.True(record.Cancelled);
    }

    [Fact]
    public async Task DisposingAStreamingCallCancelsItOnTheServer()
    {
        var callId = NewCallId();
        var call = Client.ServerStream(new EchoRequest { CallId = callId, ResponseCount = 1000, DelayMs = 20 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.True((await GetCallRecordAsync(callId)).Cancelled);
    }

    [Fact]
    public async Task MoveNextTokenCancelsADuplexCall()
    {
        using var call = Client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "wait", DelayMs = 20_000 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(cancellation.Token));

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new EchoRequest()));
    }

    [Fact]
    public async Task AsciiAndBinaryMetadataComeBackInHeadersAndTrailers()
    {
        byte[] binary = [0, 1, 2, 0xFE, 0xFF, (byte)'='];
        var headers = new Metadata
        {
            { "x-echo-province", "hung-yen" },
            { "x-echo-token-bin", binary },
            { "x-ignored", "not echoed" },
        };
        using var call = Client.UnaryAsync(new EchoRequest { EchoMetadata = true }, headers);

        var responseHeaders = await call.ResponseHeadersAsync;
        await call;
        var trailers = call.GetTrailers();

        Assert.Equal("hung-yen", responseHeaders.GetValue("x-echo-province"));
        Assert.Equal(binary, responseHeaders.GetValueBytes("x-echo-token-bin"));
        Assert.Null(responseHeaders.Get("x-ignored"));
        Assert.Equal("hung-yen", trailers.GetValue("x-trailer-province"));
        Assert.Equal(binary, trailers.GetValueBytes("x-trailer-token-bin"));
        Assert.DoesNotContain(trailers, entry => entry.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetadataIsEchoedOnStreamingCallsToo()
    {
        using var call = Client.Duplex(new Metadata { { "x-echo-agency", "cong-an-tinh" } });
        await call.RequestStream.WriteAsync(new EchoRequest { EchoMetadata = true });

        var responseHeaders = await call.ResponseHeadersAsync;
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal("cong-an-tinh", responseHeaders.GetValue("x-echo-agency"));
        Assert.Equal("cong-an-tinh", call.GetTrailers().GetValue("x-trailer-agency"));
    }

    [Fact]
    public async Task ErrorStatusCarriesVietnameseMessageAndDetails()
    {
        byte[] details = [0x08, 0x09, 0x12, 0x03, 0xE1, 0xBB, 0x8B, 0x00, 0xFF];
        var request = new EchoRequest
        {
            EchoMetadata = true,
            RaiseStatus = new StatusSpec { Code = (int)StatusCode.FailedPrecondition, Message = VietnameseMessage, Details = ByteString.CopyFrom(details) },
        };
        using var call = Client.UnaryAsync(request, new Metadata { { "x-echo-case", "status" } });

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal(VietnameseMessage, exception.Status.Detail);
        Assert.Equal(details, exception.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal("status", exception.Trailers.GetValue("x-trailer-case"));
        Assert.Equal(exception.Status, call.GetStatus());
        Assert.Equal(details, call.GetTrailers().GetValueBytes("grpc-status-details-bin"));
    }

    [Fact]
    public async Task ErrorStatusEndsAServerStreamAfterItsMessages()
    {
        var request = new EchoRequest
        {
            ResponseCount = 2,
            RaiseStatus = new StatusSpec { Code = (int)StatusCode.NotFound, Message = "không tìm thấy tỉnh" },
        };
        using var call = Client.ServerStream(request);

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("không tìm thấy tỉnh", exception.Status.Detail);
    }

    [Fact]
    public async Task HandlerExceptionIsUnknownWithoutItsText()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(new EchoRequest { ThrowException = true }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.DoesNotContain(HandlerExceptionText, exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMethodIsUnimplemented()
    {
        var method = new Method<EchoRequest, EchoResponse>(
            MethodType.Unary,
            ConformanceService.Descriptor.FullName,
            "DoesNotExist",
            Marshallers.Create((EchoRequest r) => r.ToByteArray(), EchoRequest.Parser.ParseFrom),
            Marshallers.Create((EchoResponse r) => r.ToByteArray(), EchoResponse.Parser.ParseFrom));

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact]
    public async Task UnknownServiceIsUnimplemented()
    {
        var method = new Method<EchoRequest, EchoResponse>(
            MethodType.ServerStreaming,
            "directives.testing.v1.NoSuchService",
            "Unary",
            Marshallers.Create((EchoRequest r) => r.ToByteArray(), EchoRequest.Parser.ParseFrom),
            Marshallers.Create((EchoResponse r) => r.ToByteArray(), EchoResponse.Parser.ParseFrom));
        using var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(method, null, default, new EchoRequest());

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    [Fact]
    public async Task GzipRequestMessagesAreUnderstood()
    {
        var payload = ByteString.CopyFrom(new byte[200_000]);
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var unary = await Client.UnaryAsync(new EchoRequest { Message = "nén", Payload = payload }, headers);
        using var stream = Client.ClientStream(headers);
        await stream.RequestStream.WriteAsync(new EchoRequest { Message = "một" });
        stream.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await stream.RequestStream.WriteAsync(new EchoRequest { Message = " hai" });
        await stream.RequestStream.CompleteAsync();
        var streamed = await stream;

        Assert.Equal("gzip", unary.RequestEncoding);
        Assert.Equal(payload, unary.Payload);
        Assert.Equal("một hai", streamed.Message);
        Assert.Equal("gzip", streamed.RequestEncoding);
    }

    [Fact]
    public async Task OversizedRequestIsRejectedByTheServer()
    {
        var payload = ByteString.CopyFrom(RandomBytes(5 * 1024 * 1024));

        var exception = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(new EchoRequest { Payload = payload }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task OversizedRequestIsRejectedByTheClientBeforeSending()
    {
        using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxSendMessageSize = 1024 });
        var client = new ConformanceService.ConformanceServiceClient(channel);
        var callId = NewCallId();

        var exception = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(new EchoRequest { CallId = callId, Payload = ByteString.CopyFrom(new byte[2048]) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.False((await Client.GetCallRecordAsync(new CallRecordRequest { CallId = callId, WaitMs = 0 })).Found);
    }

    [Fact]
    public async Task OversizedResponseIsRejectedByTheClient()
    {
        using var call = Client.ServerStream(new EchoRequest { ResponseCount = 1, ResponseSize = 5 * 1024 * 1024 });

        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task LargerReceiveLimitAcceptsLargeResponses()
    {
        using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 8 * 1024 * 1024 });
        var client = new ConformanceService.ConformanceServiceClient(channel);
        using var call = client.ServerStream(new EchoRequest { ResponseCount = 2, ResponseSize = 5 * 1024 * 1024 });

        var sizes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            sizes.Add(response.Payload.Length);
        }

        Assert.Equal([5 * 1024 * 1024, 5 * 1024 * 1024], sizes);
    }

    [Fact]
    public async Task ClientInterceptorsSeeAndChangeTheCall()
    {
        var invoker = _channel.Intercept(metadata =>
        {
            metadata.Add("x-echo-intercepted", "yes");
            return metadata;
        });
        var client = new ConformanceService.ConformanceServiceClient(invoker);

        using var call = client.UnaryAsync(new EchoRequest { EchoMetadata = true });
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("yes", headers.GetValue("x-echo-intercepted"));
    }

    [Fact]
    public async Task ManyConcurrentCallsShareTheChannel()
    {
        var calls = Enumerable.Range(0, 200)
            .Select(i => Client.UnaryAsync(new EchoRequest { Message = "call " + i, DelayMs = 10 }).ResponseAsync)
            .ToArray();

        var responses = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => "call " + i), responses.Select(r => r.Message));
    }

    protected static string NewCallId() => Guid.NewGuid().ToString("N");

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private async Task<CallRecord> GetCallRecordAsync(string callId) =>
        await Client.GetCallRecordAsync(new CallRecordRequest { CallId = callId, WaitMs = (int)CallRecordWait.TotalMilliseconds });
}
