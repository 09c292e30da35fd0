using System.Diagnostics;
using Directives.Contracts.V1;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Telemetry;
using Directives.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// <c>OTEL_TRACES_SAMPLER</c> reaches the SDK: with <c>always_off</c> no span of a call is recorded, even under
/// a sampled caller, while its metrics still carry the province (the span is tagged whether sampled or not).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SamplerConfigurationTests
{
    [Fact]
    public async Task AnAlwaysOffSamplerRecordsNoSpanButKeepsTheMetrics()
    {
        var telemetry = new InMemoryTelemetry();
        var server = new UnsampledServer(telemetry);
        await server.InitializeAsync();
        try
        {
            var province = await server.CreateProvinceAsync();
            var client = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Viewer, province);
            var parent = new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
            parent.SetIdFormat(ActivityIdFormat.W3C);
            parent.Start();
            await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" });
            parent.Stop();

            server.Services.GetRequiredService<DirectivesTelemetry>().ForceFlush();

            Assert.DoesNotContain(telemetry.Spans, s => s.TraceId == parent.TraceId);
            var calls = Assert.Single(telemetry.Metrics, m => m.Name == "rpc.server.call.duration" && Equals(m.Tags.GetValueOrDefault("directives.province"), province));
            Assert.Equal(1, calls.Count);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private sealed class UnsampledServer(InMemoryTelemetry telemetry) : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: false)
    {
        protected override void ConfigureServer(WebApplicationBuilder builder)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_TRACES_SAMPLER"] = "always_off" });
            builder.Services.Configure<TelemetryOptions>(options => options.ConfigureSdk += telemetry.AddTo);
        }
    }
}
