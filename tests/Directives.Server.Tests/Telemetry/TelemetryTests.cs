using System.Diagnostics;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// Traces, metrics and logs of real calls through the server, read from an in-memory exporter: one trace
/// from the client's span through the server's to the database's, the province and agency on all of them,
/// error status on failed calls, metrics by province, and nothing of the caller's token.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TelemetryTests(TelemetryServer server) : IClassFixture<TelemetryServer>
{
    private const string AgencyService = "directives.v1.AgencyService";

    [Fact]
    public async Task OneTraceRunsFromTheClientThroughTheServerToTheDatabase()
    {
        var province = await server.CreateProvinceAsync();
        var client = server.Client<AgencyService.AgencyServiceClient>(server.MintToken(RoleNames.Officer, province, agency: "cong-an-tinh"));
        using var parent = StartSampledParent();

        await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" });
        parent.Stop();

        var trace = await server.Telemetry.WaitForTraceAsync(parent.TraceId, spans => spans.Any(s => s.Kind == ActivityKind.Server) && spans.Any(s => s.Source.Name == "Directives.Storage"));
        var clientSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Client && s.Source.Name == "Grpc.Net.Client");
        var serverSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        var databaseSpans = trace.Where(s => s.Source.Name == "Directives.Storage").ToList();
        Assert.Equal(parent.SpanId, clientSpan.ParentSpanId);
        Assert.Equal(clientSpan.SpanId, serverSpan.ParentSpanId);
        Assert.All(databaseSpans, span => Assert.Equal(serverSpan.SpanId, span.ParentSpanId));

        Assert.Equal(AgencyService + "/ListAgencies", clientSpan.DisplayName);
        Assert.Equal(AgencyService + "/ListAgencies", serverSpan.DisplayName);
        Assert.Equal("grpc", serverSpan.GetTagItem("rpc.system"));
        Assert.Equal(AgencyService, serverSpan.GetTagItem("rpc.service"));
        Assert.Equal("ListAgencies", serverSpan.GetTagItem("rpc.method"));
        Assert.Equal(0, serverSpan.GetTagItem("rpc.grpc.status_code"));

        var select = databaseSpans.First(s => Equals(s.GetTagItem("db.operation.name"), "SELECT"));
        Assert.Equal(ActivityKind.Client, select.Kind);
        Assert.Equal("sqlite", select.GetTagItem("db.system.name"));
        Assert.Equal(province, select.GetTagItem("db.namespace"));
        Assert.Equal("SELECT " + province, select.DisplayName);

        foreach (var span in databaseSpans.Append(serverSpan))
        {
            Assert.Equal(province, span.GetTagItem("directives.province"));
            Assert.Equal($"provinces/{province}/agencies/cong-an-tinh", span.GetTagItem("directives.agency"));
        }
    }

    [Fact]
    public async Task AFailedCallIsAnErrorOnTheClientAndLogsWithItsProvince()
    {
        var province = await server.CreateProvinceAsync();
        var client = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Secretariat, province);
        using var parent = StartSampledParent();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAgencyAsync(new GetAgencyRequest { Name = $"provinces/{province}/agencies/khong-co" }));
        parent.Stop();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var trace = await server.Telemetry.WaitForTraceAsync(parent.TraceId, spans => spans.Any(s => s.Kind == ActivityKind.Server));
        var clientSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Client && s.Source.Name == "Grpc.Net.Client");
        var serverSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(ActivityStatusCode.Error, clientSpan.Status);
        Assert.Equal("NOT_FOUND", clientSpan.GetTagItem("error.type"));
        Assert.Equal(5, clientSpan.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(5, serverSpan.GetTagItem("rpc.grpc.status_code"));

        // NOT_FOUND is the caller's mistake, not the server's failure: the server span stays unset.
        Assert.Equal(ActivityStatusCode.Unset, serverSpan.Status);

        server.Flush();
        var log = Assert.Single(server.Telemetry.Logs, l => l.TraceId == parent.TraceId && (l.Message?.Contains("ended with status code", StringComparison.Ordinal) ?? false));
        Assert.Equal(province, log.Attributes["directives.province"]);
    }

    [Fact]
    public async Task ARefusedCallRecordsNoProvince()
    {
        var province = await server.CreateProvinceAsync();
        var client = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Secretariat, province);
        using var parent = StartSampledParent();

        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAgencyAsync(new GetAgencyRequest { Name = "provinces/khong-ton-tai/agencies/x" }));
        parent.Stop();

        var trace = await server.Telemetry.WaitForTraceAsync(parent.TraceId, spans => spans.Any(s => s.Kind == ActivityKind.Server));
        var serverSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server);

        // A province the caller is not authorized for: refused before resolution, so no province is recorded.
        Assert.Null(serverSpan.GetTagItem("directives.province"));
        Assert.NotEqual(0, serverSpan.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task CallMetricsAreRecordedPerProvince()
    {
        var first = await server.CreateProvinceAsync();
        var second = await server.CreateProvinceAsync();
        var firstClient = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Viewer, first);
        var secondClient = server.Client<AgencyService.AgencyServiceClient>(RoleNames.Viewer, second);

        for (var i = 0; i < 3; i++)
        {
            await firstClient.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{first}" });
        }

        await secondClient.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{second}" });
        await Assert.ThrowsAsync<RpcException>(async () => await secondClient.GetAgencyAsync(new GetAgencyRequest { Name = $"provinces/{second}/agencies/khong-co" }));
        server.Flush();

        var calls = server.Telemetry.Metrics.Where(m => m.Name == "rpc.server.call.duration").ToList();
        Assert.Equal(3, Assert.Single(calls, m => Province(m) == first && Method(m) == "ListAgencies").Count);
        Assert.Equal(1, Assert.Single(calls, m => Province(m) == second && Method(m) == "ListAgencies").Count);
        var notFound = Assert.Single(calls, m => Province(m) == second && Method(m) == "GetAgency");
        Assert.Equal(5, notFound.Tags["rpc.grpc.status_code"]);
        Assert.Equal("grpc", notFound.Tags["rpc.system"]);
        Assert.Equal(AgencyService, notFound.Tags["rpc.service"]);
        Assert.InRange(notFound.Sum, 0, 60);

        // ASP.NET Core's request duration carries the province too.
        var requests = server.Telemetry.Metrics.Where(m => m.Name == "http.server.request.duration" && Province(m) == first).ToList();
        Assert.Equal(3, requests.Sum(m => m.Count));
    }

    [Fact]
    public async Task NoTokenAndOnlyOptedInMetadataReachTelemetry()
    {
        var province = await server.CreateProvinceAsync();
        var token = server.MintToken(RoleNames.Secretariat, province, displayName: "Nguyễn Văn A", subject: "nguoi-dung-bi-mat");
        var client = server.Client<AgencyService.AgencyServiceClient>(token);
        using var parent = StartSampledParent();

        var headers = new Metadata { { TelemetryServer.CapturedMetadata, "2.4.1" }, { "x-not-captured", "secret-value" } };
        await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" }, headers);
        parent.Stop();

        var trace = await server.Telemetry.WaitForTraceAsync(parent.TraceId, spans => spans.Any(s => s.Kind == ActivityKind.Server));
        var serverSpan = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(["2.4.1"], (string[])serverSpan.GetTagItem("rpc.grpc.request.metadata." + TelemetryServer.CapturedMetadata)!);
        Assert.DoesNotContain(serverSpan.TagObjects, t => t.Key.Contains("x-not-captured", StringComparison.Ordinal));

        server.Flush();
        var everything = trace.SelectMany(s => s.TagObjects.Select(t => Text(t.Value)))
            .Concat(server.Telemetry.Logs.Where(l => l.TraceId == parent.TraceId).SelectMany(l => l.Attributes.Values.Select(Text).Append(l.Message ?? "")))
            .ToList();
        Assert.NotEmpty(everything);
        Assert.DoesNotContain(everything, text => text.Contains(token[..40], StringComparison.Ordinal)
            || text.Contains("nguoi-dung-bi-mat", StringComparison.Ordinal)
            || text.Contains("Nguyễn Văn A", StringComparison.Ordinal)
            || text.Contains("secret-value", StringComparison.Ordinal));
    }

    /// <summary>The test's own span, sampled so that the SDK's parent-based sampler records the call's spans.</summary>
    private static Activity StartSampledParent()
    {
        var parent = new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        parent.SetIdFormat(ActivityIdFormat.W3C);
        return parent.Start();
    }

    private static string? Province(InMemoryTelemetry.MetricSnapshot metric) => metric.Tags.GetValueOrDefault("directives.province") as string;

    private static string? Method(InMemoryTelemetry.MetricSnapshot metric) => metric.Tags.GetValueOrDefault("rpc.method") as string;

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        string[] texts => string.Join(",", texts),
        _ => value.ToString() ?? "",
    };
}
