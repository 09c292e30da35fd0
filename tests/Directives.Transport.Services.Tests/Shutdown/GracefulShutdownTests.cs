using Directives.Testing.Lifecycle.V1;
using Directives.Transport.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Directives.Transport.Services.Tests.Shutdown;

/// <summary>Draining, in-process: the host is stopped as IHost.StopAsync() does (no signal).</summary>
public class GracefulShutdownTests
{
    [Fact]
    public async Task NewCallsAreUnavailableWhileInFlightUnaryCallsFinish()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new LifecycleTestService.LifecycleTestServiceClient(server.Channel);
        using var slow = client.SlowAsync(new SlowRequest { Delay = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)), Label = "in flight" }, cancellationToken: TestTimeout.Token());
        await slow.ResponseHeadersAsync;

        var stopping = server.StopAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.DescribeAsync(new Shape { Name = "late" }, cancellationToken: TestTimeout.Token()).ResponseAsync);
        var response = await slow.ResponseAsync;
        await stopping;

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal("in flight", response.Label);
        Assert.False(stopping.IsFaulted);
    }

    [Fact]
    public async Task OpenStreamsEndUnavailable()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new LifecycleTestService.LifecycleTestServiceClient(server.Channel);
        using var ticks = client.Ticks(new TicksRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(20)) }, cancellationToken: TestTimeout.Token());
        Assert.True(await ticks.ResponseStream.MoveNext(TestTimeout.Token()));

        var stopping = server.StopAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await ticks.ResponseStream.MoveNext(TestTimeout.Token()))
            {
            }
        });
        await stopping;

        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Equal("The server is shutting down.", ended.Status.Detail);
    }

    [Fact]
    public async Task WithNothingInFlightTheServerStopsAtOnce()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new LifecycleTestService.LifecycleTestServiceClient(server.Channel);
        await client.DescribeAsync(new Shape(), cancellationToken: TestTimeout.Token());

        var stopping = server.StopAsync();

        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
