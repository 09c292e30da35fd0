using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.StatusProto;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy;

/// <summary>Rate limits per caller and per province answer RESOURCE_EXHAUSTED with RetryInfo, as gRPC statuses.</summary>
public sealed class RateLimitingTests
{
    private const string Directive = "provinces/hung-yen/directives/x";

    [Fact]
    public async Task ACallerOverItsBucketIsRefusedWithRetryInfo()
    {
        await using var server = await StartAsync(callerLimit: 2, provinceLimit: 100);
        var client = new DirectiveService.DirectiveServiceClient(server.CreateChannel());
        var lan = TestTokens.Bearer(TestTokens.Issue("hung-yen", null, [RoleNames.Viewer], subject: "lan"));

        await client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, lan);
        await client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, lan);
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, lan));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        var status = exception.GetRpcStatus()!;
        var info = status.GetDetail<ErrorInfo>()!;
        Assert.Equal("RATE_LIMITED", info.Type);
        Assert.Equal("caller", info.Metadata["scope"]);
        var delay = status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("vi-VN", status.GetDetail<LocalizedMessage>()!.Locale);
        Assert.Equal(2, server.Calls.Calls.Count);

        // Another caller of the same province has its own bucket.
        await client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, TestTokens.Bearer(TestTokens.Issue("hung-yen", null, [RoleNames.Viewer], subject: "hoa")));
    }

    [Fact]
    public async Task AProvinceOverItsBucketIsRefusedForEveryCaller()
    {
        await using var server = await StartAsync(callerLimit: 100, provinceLimit: 3);
        var client = new DirectiveService.DirectiveServiceClient(server.CreateChannel());

        for (var i = 0; i < 3; i++)
        {
            await client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, TestTokens.Bearer(TestTokens.Issue("hung-yen", null, [RoleNames.Viewer], subject: "user-" + i)));
        }

        var info = await RpcAssert.FailsAsync(
            () => client.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }, TestTokens.Bearer(TestTokens.Issue("hung-yen", null, [RoleNames.Viewer], subject: "user-3"))),
            StatusCode.ResourceExhausted,
            "RATE_LIMITED");
        Assert.Equal("province", info.Metadata["scope"]);

        // Another province is not held back by this one.
        await client.GetDirectiveAsync(new GetDirectiveRequest { Name = "provinces/dong-thap/directives/x" }, TestTokens.Bearer(TestTokens.For("dong-thap", RoleNames.Viewer)));
    }

    [Fact]
    public async Task HealthChecksAreNeverLimited()
    {
        await using var server = await StartAsync(callerLimit: 1, provinceLimit: 1);
        var health = new Health.HealthClient(server.CreateChannel());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        }
    }

    [Fact]
    public async Task AMessageOverTheSizeLimitIsRefused()
    {
        await using var server = await TenancyTestServer.StartAsync(new Dictionary<string, string?> { ["Limits:MaxReceiveMessageSize"] = "1024" });
        var client = new DirectiveService.DirectiveServiceClient(server.CreateChannel());

        var exception = await Assert.ThrowsAsync<RpcException>(async () => await client.GetDirectiveAsync(
            new GetDirectiveRequest { Name = Directive + new string('x', 2048) },
            TestTokens.Bearer(TestTokens.For("hung-yen", RoleNames.Viewer))));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Empty(server.Calls.Calls);
    }

    private static Task<TenancyTestServer> StartAsync(int callerLimit, int provinceLimit) =>
        TenancyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PerCaller:TokenLimit"] = callerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:PerCaller:TokensPerPeriod"] = "1",
            ["RateLimiting:PerCaller:ReplenishmentPeriod"] = "00:01:00",
            ["RateLimiting:PerProvince:TokenLimit"] = provinceLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:PerProvince:TokensPerPeriod"] = "1",
            ["RateLimiting:PerProvince:ReplenishmentPeriod"] = "00:01:00",
        });
}
