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
    public async Task AHandlerThatIgnoresItsTokenDoesNotHoldTheCallPastTheDeadline()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            MapTestService = false,
            ConfigureEndpoints = app => app.MapGrpcService<StubbornService>(),
        });
        using var client = server.CreateHttpClient();
        var unary = RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest()));
        unary.Headers.Add("grpc-timeout", "300m");
        var stream = RawGrpc.Request("ServerStream", RawGrpc.Frame(new EchoRequest()));
        stream.Headers.Add("grpc-timeout", "300m");
        var stopwatch = Stopwatch.StartNew();

        var unaryResponse = await RawGrpc.SendAsync(client, unary);
        var unaryElapsed = stopwatch.ElapsedMilliseconds;
        var streamResponse = await RawGrpc.SendAsync(client, stream);

        Assert.Equal(4, unaryResponse.StatusCode);
        Assert.True(unaryResponse.IsTrailersOnly);
        Assert.InRange(unaryElapsed, 250, StubbornService.IgnoredDelayMs - 1_000);
        Assert.Equal(4, streamResponse.StatusCode);
        Assert.NotEmpty(streamResponse.Frames);
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }

    /// <summary>Handlers that never look at their cancellation token.</summary>
    public sealed class StubbornService : ConformanceService.ConformanceServiceBase
    {
        public const int IgnoredDelayMs = 4_000;

        public override async Task<EchoResponse> Unary(EchoRequest request, ServerCallContext context)
        {
            if (context.Deadline != DateTime.MaxValue)
            {
                await Task.Delay(IgnoredDelayMs);
            }

            return new EchoResponse { Message = "late" };
        }

        public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
        {
            await responseStream.WriteAsync(new EchoResponse { Index = 0 });
            await Task.Delay(IgnoredDelayMs);
            await responseStream.WriteAsync(new EchoResponse { Index = 1 });
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
