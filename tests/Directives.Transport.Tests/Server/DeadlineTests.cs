using System.Diagnostics;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;

namespace Directives.Transport.Tests.Server;

/// <summary>grpc-timeout in every unit: the deadline, the cancellation at the deadline and DEADLINE_EXCEEDED.</summary>
public class DeadlineTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Theory]
    [InlineData("1H", 3_600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("30S", 30_000)]
    [InlineData("20000m", 20_000)]
    [InlineData("15000000u", 15_000)]
    [InlineData("99999999n", 100)]
    [InlineData("99999999S", 99_999_999_000)]
    public async Task EveryTimeoutUnitSetsTheDeadline(string timeout, long expectedMs)
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        request.Headers.Add("grpc-timeout", timeout);

        var response = await RawGrpc.SendAsync(client, request);

        // Nanoseconds allow at most 0.1 s: on a loaded machine that deadline may pass first, which shows
        // it was applied just as well.
        if (expectedMs < 1_000 && response.StatusCode == 4)
        {
            return;
        }

        Assert.Equal(0, response.StatusCode);
        var remaining = response.Message(EchoResponse.Parser).DeadlineRemainingMs;
        Assert.InRange(remaining, Math.Max(0, expectedMs - 5_000), expectedMs);
    }

    [Fact]
    public async Task TheHandlerIsCancelledAtTheDeadlineAndTheCallEndsDeadlineExceeded()
    {
        using var client = fixture.Server.CreateHttpClient();
        var callId = Guid.NewGuid().ToString();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { DelayMs = 20_000, CallId = callId }));
        request.Headers.Add("grpc-timeout", "300m");
        var stopwatch = Stopwatch.StartNew();

        var response = await RawGrpc.SendAsync(client, request);

        Assert.InRange(stopwatch.ElapsedMilliseconds, 250, 5_000);
        Assert.Equal(4, response.StatusCode);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("Deadline Exceeded", response.RawMessage);
        var record = await fixture.Server.CallRecorder.GetAsync(callId, TimeSpan.FromSeconds(5), default);
        Assert.True(record.Finished);
        Assert.True(record.Cancelled);
        Assert.Equal(4, record.StatusCode);
    }

    [Fact]
    public async Task ManyCallsEndingAtTheirDeadlineTogetherAllCarryTheStatus()
    {
        using var client = fixture.Server.CreateHttpClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        {
            var method = (i % 3) switch { 0 => "Unary", 1 => "ServerStream", _ => "Duplex" };
            var request = RawGrpc.Request(method, RawGrpc.Frame(new EchoRequest { DelayMs = 5_000, ResponseCount = 1 }));
            request.Headers.Add("grpc-timeout", (100 + (i % 7)) + "m");
            return RawGrpc.SendAsync(client, request);
        }));

        Assert.All(responses, response => Assert.Equal(4, response.StatusCode));
    }

    [Fact]
    public async Task AHandlerThatIgnoresItsTokenDoesNotHoldTheCallPastTheDeadline()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            MapTestService = false,
            ConfigureEndpoints = app => app.MapGrpcService<StubbornService>(),
        });
        using var client = server.CreateHttpClient();
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
        var unary = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        unary.Headers.Add("grpc-timeout", "300m");
        var stream = RawGrpc.Request("ServerStream", RawGrpc.Frame(new EchoRequest()));
        stream.Headers.Add("grpc-timeout", "300m");
        var handlersDoneBefore = StubbornService.HandlersDone;

        var unaryResponse = await RawGrpc.SendAsync(client, unary);
        var streamResponse = await RawGrpc.SendAsync(client, stream);

        // Both calls ended while their handlers were still ignoring the cancellation.
        Assert.Equal(handlersDoneBefore, StubbornService.HandlersDone);
        Assert.Equal(4, unaryResponse.StatusCode);
        Assert.True(unaryResponse.IsTrailersOnly);
        Assert.Equal(4, streamResponse.StatusCode);
        Assert.Single(streamResponse.Frames);
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }

    /// <summary>Handlers that never look at their cancellation token (and take their time when there is a deadline).</summary>
    public sealed class StubbornService : ConformanceService.ConformanceServiceBase
    {
        private const int IgnoredDelayMs = 4_000;
        private static int _handlersDone;

        public static int HandlersDone => Volatile.Read(ref _handlersDone);

        public override async Task<EchoResponse> Unary(EchoRequest request, ServerCallContext context)
        {
            if (context.Deadline != DateTime.MaxValue)
            {
                await Task.Delay(IgnoredDelayMs);
                Interlocked.Increment(ref _handlersDone);
            }

            return new EchoResponse { Message = "late" };
        }

        public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
        {
            try
            {
                await responseStream.WriteAsync(new EchoResponse { Index = 0 });
                await Task.Delay(IgnoredDelayMs);
                await responseStream.WriteAsync(new EchoResponse { Index = 1 });
            }
            finally
            {
                Interlocked.Increment(ref _handlersDone);
            }
        }
    }

    [Fact]
    public async Task ADeadlineDuringAServerStreamEndsItWithDeadlineExceededTrailers()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("ServerStream", RawGrpc.Frame(new EchoRequest { ResponseCount = 100, DelayMs = 100 }));
        request.Headers.Add("grpc-timeout", "450m");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(4, response.StatusCode);
        Assert.InRange(response.Frames.Count, 1, 10);
        Assert.NotNull(response.Trailer("grpc-status"));
    }

    [Fact]
    public async Task AZeroTimeoutHasAlreadyExpired()
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { DelayMs = 5_000 }));
        request.Headers.Add("grpc-timeout", "0n");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(4, response.StatusCode);
    }

    /// <summary>
    /// As gRPC for .NET (and gRPC C-core) do: a grpc-timeout that does not parse is logged and ignored,
    /// and the call runs without a deadline.
    /// </summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    [InlineData("1.5S")]
    [InlineData("S")]
    public async Task AnInvalidTimeoutIsIgnored(string timeout)
    {
        using var client = fixture.Server.CreateHttpClient();
        var request = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { Message = "still served" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(0, response.StatusCode);
        var echo = response.Message(EchoResponse.Parser);
        Assert.Equal("still served", echo.Message);
        Assert.Equal(-1, echo.DeadlineRemainingMs);
        Assert.Contains(fixture.Server.Logs.Entries, entry => entry.EventId.Name == "InvalidTimeoutIgnored" && entry.Message.Contains(timeout, StringComparison.Ordinal));
    }
}
