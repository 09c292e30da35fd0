using System.Diagnostics;
using Directives.Contracts.V1;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Telemetry;
using Directives.Server.Tests.Infrastructure;
using Directives.Server.Tests.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// End to end: the server configured only by the standard <c>OTEL_*</c> names exports with the real OTLP
/// exporter to a receiver on loopback, over OTLP/gRPC and over OTLP/HTTP with protobuf, and the test
/// decodes what arrived: the trace of a call across client, server and database, the RPC metric by
/// province, and the call's log records.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task TheOtlpExporterDeliversTracesMetricsAndLogsToACollector(string protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync(protocol);
        var server = new OtlpExportingServer(receiver.Address, protocol);
        await server.InitializeAsync();
        try
        {
            var province = await server.CreateProvinceAsync();
            var client = server.Client<AgencyService.AgencyServiceClient>(server.MintToken(RoleNames.Officer, province, agency: "cong-an-tinh"));
            var parent = new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
            parent.SetIdFormat(ActivityIdFormat.W3C);
            parent.Start();
            await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" });
            parent.Stop();
            var traceId = ByteString.CopyFrom(Convert.FromHexString(parent.TraceId.ToHexString()));

            server.Services.GetRequiredService<DirectivesTelemetry>().ForceFlush();

            var spans = await OtlpReceiver.WaitForAsync(() =>
            {
                var trace = receiver.Spans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans).Where(s => s.TraceId == traceId).ToList();
                return trace.Any(s => s.Kind == 2) && trace.Any(s => s.Kind == 3) && trace.Any(s => Attribute(s.Attributes, "db.system.name") == "sqlite") ? trace : null;
            });
            var clientSpan = spans.Single(s => s.Kind == 3 && s.Name == "directives.v1.AgencyService/ListAgencies");
            var serverSpan = spans.Single(s => s.Kind == 2);
            var databaseSpan = spans.First(s => Attribute(s.Attributes, "db.system.name") == "sqlite");
            Assert.Equal(clientSpan.SpanId, serverSpan.ParentSpanId);
            Assert.Equal(serverSpan.SpanId, databaseSpan.ParentSpanId);
            Assert.Equal("directives.v1.AgencyService/ListAgencies", serverSpan.Name);
            Assert.Equal("grpc", Attribute(serverSpan.Attributes, "rpc.system"));
            Assert.Equal(province, Attribute(serverSpan.Attributes, "directives.province"));
            Assert.Equal(province, Attribute(databaseSpan.Attributes, "directives.province"));
            Assert.Equal(province, Attribute(databaseSpan.Attributes, "db.namespace"));

            var resource = receiver.Spans.First().Resource.Attributes;
            Assert.Equal("directives-e2e", Attribute(resource, "service.name"));
            Assert.Equal("vn-north", Attribute(resource, "deployment.region"));

            var point = await OtlpReceiver.WaitForAsync(() => receiver.Metrics
                .SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
                .Where(m => m.Name == "rpc.server.call.duration" && m.Histogram is not null)
                .SelectMany(m => m.Histogram.DataPoints)
                .FirstOrDefault(p => Attribute(p.Attributes, "directives.province") == province && Attribute(p.Attributes, "rpc.method") == "ListAgencies"));
            Assert.Equal(1UL, point.Count);
            Assert.Equal($"provinces/{province}/agencies/cong-an-tinh", Attribute(point.Attributes, "directives.agency"));

            var log = await OtlpReceiver.WaitForAsync(() => receiver.Logs
                .SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords)
                .FirstOrDefault(l => l.TraceId == traceId && Attribute(l.Attributes, "directives.province") == province));

            // The record belongs to a span of the call on the server: the server span or one of its commands.
            var logSpan = await OtlpReceiver.WaitForAsync(() => receiver.Spans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans)
                .FirstOrDefault(s => s.TraceId == traceId && s.SpanId == log.SpanId));
            Assert.True(logSpan.SpanId == serverSpan.SpanId || logSpan.ParentSpanId == serverSpan.SpanId, "The log record's span is not the server span or one of its children.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value switch
        {
            null => null,
            { ValueCase: AnyValue.ValueOneofCase.StringValue } value => value.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } value => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var value => value.ToString(),
        };

    /// <summary>The server on SQLite, told where to export only by the standard OTEL_* names.</summary>
    private sealed class OtlpExportingServer(Uri endpoint, string protocol) : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: false)
    {
        protected override void ConfigureServer(WebApplicationBuilder builder) =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
                ["OTEL_SERVICE_NAME"] = "directives-e2e",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.region=vn-north",
                ["OTEL_TRACES_SAMPLER"] = "parentbased_always_on",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            });
    }
}
