using Directives.Testing.Lifecycle.V1;
using Directives.Transport.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Directives.Transport.Services.Tests.Shutdown;

/// <summary>
/// Graceful shutdown of a real server process on SIGTERM, as Kubernetes stops a pod: health turns
/// NOT_SERVING, new calls get UNAVAILABLE, the in-flight unary call completes OK, the open stream ends
/// UNAVAILABLE, and the process exits 0.
/// </summary>
public class SigtermProcessTests
{
    [Fact]
    public async Task SigtermDrainsTheServerAndExitsZero()
    {
        var timeout = TestTimeout.Token();
        var testHost = Path.Combine(AppContext.BaseDirectory, "Directives.Transport.TestHost.dll");
        using var process = ExternalProcess.Start("dotnet", testHost, "--urls", "http://127.0.0.1:0", "--shutdownTimeoutSeconds", "20", "--Logging:LogLevel:Default", "Warning");
        var listening = await process.WaitForLineAsync("listening ", timeout);
        using var channel = GrpcChannel.ForAddress(listening["listening ".Length..].Trim());
        var health = new Grpc.Health.V1.Health.HealthClient(channel);
        var client = new LifecycleTestService.LifecycleTestServiceClient(channel);

        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: timeout)).Status);
        using var watch = new HealthWatch(health, "", timeout);
        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(timeout));
        using var ticks = client.Ticks(new TicksRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(50)) }, cancellationToken: timeout);
        Assert.True(await ticks.ResponseStream.MoveNext(timeout));
        using var slow = client.SlowAsync(new SlowRequest { Delay = Duration.FromTimeSpan(TimeSpan.FromSeconds(4)), Label = "in flight" }, cancellationToken: timeout);
        await slow.ResponseHeadersAsync;

        process.SendSigterm();

        Assert.Equal(ServingStatus.NotServing, await watch.NextAsync(timeout));
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: timeout)).Status);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.DescribeAsync(new Shape { Name = "late" }, cancellationToken: timeout).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var streamEnd = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await ticks.ResponseStream.MoveNext(timeout))
            {
            }
        });
        Assert.Equal(StatusCode.Unavailable, streamEnd.StatusCode);
        Assert.Equal("in flight", (await slow.ResponseAsync).Label);

        var exitCode = await process.WaitForExitAsync(timeout);
        Assert.True(exitCode == 0, "The server exited " + exitCode + ":\n" + process.Output);
        Assert.Contains("stopped", process.Output, StringComparison.Ordinal);
    }
}
