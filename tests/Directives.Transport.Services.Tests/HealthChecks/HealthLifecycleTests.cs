using Directives.Testing.Lifecycle.V1;
using Directives.Transport.Services.Tests.Infrastructure;
using Directives.Transport.TestHost;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.HealthChecks;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Directives.Transport.Services.Tests.HealthChecks;

/// <summary>Health follows the host: NOT_SERVING while starting and while draining, pushed to watchers at once.</summary>
public class HealthLifecycleTests
{
    // Far longer than the tests: every change they see is pushed by the lifecycle, not found by polling.
    private static readonly TimeSpan SlowPolling = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task NotServingUntilTheHostHasStarted()
    {
        var gate = new StartupGate();
        var app = RunningServer.Build(builder =>
        {
            builder.Services.AddSingleton<IHostedService>(gate);
            builder.Services.Configure<GrpcHealthChecksOptions>(options => options.WatchInterval = SlowPolling);
        });
        var starting = app.StartAsync(TestTimeout.Token());
        await gate.Reached.WaitAsync(TestTimeout.Default);
        await using var server = RunningServer.ForListening(app);
        var client = new Grpc.Health.V1.Health.HealthClient(server.Channel);
        using var watch = new HealthWatch(client, "", TestTimeout.Token());

        var overall = await client.CheckAsync(new HealthCheckRequest { Service = "" }, cancellationToken: TestTimeout.Token());
        var mapped = await client.CheckAsync(new HealthCheckRequest { Service = TestHostApplication.LifecycleServiceName }, cancellationToken: TestTimeout.Token());
        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "directives.v1.Unknown" }, cancellationToken: TestTimeout.Token()).ResponseAsync);
        Assert.Equal(ServingStatus.NotServing, overall.Status);
        Assert.Equal(ServingStatus.NotServing, mapped.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ServingStatus.NotServing, await watch.NextAsync(TestTimeout.Token()));

        gate.Open();
        await starting;

        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));
        var started = await client.CheckAsync(new HealthCheckRequest { Service = "" }, cancellationToken: TestTimeout.Token());
        Assert.Equal(ServingStatus.Serving, started.Status);
    }

    [Fact]
    public async Task NotServingWhileDrainingAndWatchesEndUnavailable()
    {
        await using var server = await RunningServer.StartAsync(builder =>
            builder.Services.Configure<GrpcHealthChecksOptions>(options => options.WatchInterval = SlowPolling));
        var client = new Grpc.Health.V1.Health.HealthClient(server.Channel);
        using var watch = new HealthWatch(client, TestHostApplication.LifecycleServiceName, TestTimeout.Token());
        Assert.Equal(ServingStatus.Serving, await watch.NextAsync(TestTimeout.Token()));

        // An in-flight call holds the drain open, so the server still answers while it stops.
        using var slow = new LifecycleTestService.LifecycleTestServiceClient(server.Channel)
            .SlowAsync(new SlowRequest { Delay = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) }, cancellationToken: TestTimeout.Token());
        await slow.ResponseHeadersAsync;
        var stopping = server.StopAsync();

        Assert.Equal(ServingStatus.NotServing, await watch.NextAsync(TestTimeout.Token()));
        Assert.Equal(StatusCode.Unavailable, await watch.EndAsync(TestTimeout.Token()));
        var draining = await client.CheckAsync(new HealthCheckRequest { Service = "" }, cancellationToken: TestTimeout.Token());
        Assert.Equal(ServingStatus.NotServing, draining.Status);

        await slow.ResponseAsync;
        await stopping;
    }
}
