using Directives.Transport.Services.Tests.Infrastructure;
using Directives.Transport.TestHost;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Directives.Transport.Services.Tests.HealthChecks;

/// <summary><c>grpc.health.v1.Health/Watch</c>: the current status at once, then every change.</summary>
public class HealthWatchTests
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ChangesArePushedAsTheChecksChange()
    {
        await using var server = await StartAsync();
        var healthCheck = server.GetRequiredService<SwitchableHealthCheck>();
        using var watch = new HealthWatch(new Grpc.Health.V1.Health.HealthClient(server.Channel), TestHostApplication.LifecycleServiceName, TestTimeout.Token());

        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));
        healthCheck.Healthy = false;
        Assert.Equal(ServingStatus.NotServing, await watch.NextAsync(TestTimeout.Token()));
        healthCheck.Healthy = true;
        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));
    }

    [Fact]
    public async Task AnUnchangedStatusIsNotRepeated()
    {
        await using var server = await StartAsync();
        using var watch = new HealthWatch(new Grpc.Health.V1.Health.HealthClient(server.Channel), "", TestTimeout.Token());

        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));
        Assert.True(await watch.StaysQuietAsync(WatchInterval * 5));
    }

    [Fact]
    public async Task AnUnknownNameIsServiceUnknownAndTheWatchStaysOpen()
    {
        await using var server = await StartAsync();
        using var watch = new HealthWatch(new Grpc.Health.V1.Health.HealthClient(server.Channel), "directives.v1.Unknown", TestTimeout.Token());

        Assert.Equal(ServingStatus.ServiceUnknown, await watch.NextAsync(TestTimeout.Token()));
        Assert.True(await watch.StaysQuietAsync(WatchInterval * 5));
    }

    [Fact]
    public async Task AWatchEndsWhenTheClientCancelsAndChecksStopRunning()
    {
        var counter = new CountingHealthCheck();
        await using var server = await RunningServer.StartAsync(builder =>
        {
            builder.Services.Configure<GrpcHealthChecksOptions>(options => options.WatchInterval = WatchInterval);
            builder.Services.AddHealthChecks().AddCheck("counter", counter);
        });
        using var cancel = new CancellationTokenSource();
        using var watch = new HealthWatch(new Grpc.Health.V1.Health.HealthClient(server.Channel), "", cancel.Token);
        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));
        var afterFirst = counter.Count;
        await Task.Delay(WatchInterval * 4);
        Assert.True(counter.Count > afterFirst, "The checks are not polled while a watch is open.");

        await cancel.CancelAsync();
        await Task.Delay(WatchInterval * 3);
        var afterCancel = counter.Count;
        await Task.Delay(WatchInterval * 5);

        // The handler ended and dropped its subscription: nobody watches, so the checks no longer run.
        Assert.Equal(afterCancel, counter.Count);
    }

    private static Task<RunningServer> StartAsync() => RunningServer.StartAsync(builder =>
        builder.Services.Configure<GrpcHealthChecksOptions>(options => options.WatchInterval = WatchInterval));

    private sealed class CountingHealthCheck : IHealthCheck
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }
}
