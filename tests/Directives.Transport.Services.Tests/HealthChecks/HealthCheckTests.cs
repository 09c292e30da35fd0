using Directives.Transport.Services.Tests.Infrastructure;
using Directives.Transport.TestHost;
using Grpc.AspNetCore.HealthChecks;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Directives.Transport.Services.Tests.HealthChecks;

/// <summary><c>grpc.health.v1.Health/Check</c>, as Kubernetes' gRPC probes call it.</summary>
public class HealthCheckTests
{
    [Theory]
    [InlineData("")]
    [InlineData(TestHostApplication.LifecycleServiceName)]
    public async Task AKnownNameIsServingWhenItsChecksPass(string service)
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Grpc.Health.V1.Health.HealthClient(server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }, cancellationToken: TestTimeout.Token());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task AnUnknownNameIsNotFound()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new Grpc.Health.V1.Health.HealthClient(server.Channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "directives.v1.Unknown" }, cancellationToken: TestTimeout.Token()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task AFailingCheckTurnsTheNamesThatSelectItNotServing()
    {
        await using var server = await RunningServer.StartAsync(builder => builder.Services
            .Configure<GrpcHealthChecksOptions>(options => options.Services.Map("unrelated", check => check.Tags.Contains("none"))));
        var client = new Grpc.Health.V1.Health.HealthClient(server.Channel);
        server.GetRequiredService<SwitchableHealthCheck>().Healthy = false;

        var mapped = await client.CheckAsync(new HealthCheckRequest { Service = TestHostApplication.LifecycleServiceName }, cancellationToken: TestTimeout.Token());
        var overall = await client.CheckAsync(new HealthCheckRequest { Service = "" }, cancellationToken: TestTimeout.Token());
        var unrelated = await client.CheckAsync(new HealthCheckRequest { Service = "unrelated" }, cancellationToken: TestTimeout.Token());

        Assert.Equal(ServingStatus.NotServing, mapped.Status);
        Assert.Equal(ServingStatus.NotServing, overall.Status);
        Assert.Equal(ServingStatus.Serving, unrelated.Status);
    }
}
