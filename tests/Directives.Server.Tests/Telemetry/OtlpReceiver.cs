using System.Collections.Concurrent;
using Directives.Server.Tests.Telemetry.Otlp;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// A stand-in for an OpenTelemetry collector on 127.0.0.1: OTLP/gRPC served by our own transport
/// (h2c), or OTLP/HTTP with protobuf bodies (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) on
/// plain Kestrel. Keeps every decoded export.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<ResourceSpans> Spans { get; } = new();

    public ConcurrentQueue<ResourceMetrics> Metrics { get; } = new();

    public ConcurrentQueue<ResourceLogs> Logs { get; } = new();

    /// <summary>Starts a receiver for <paramref name="protocol"/>: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    public static async Task<OtlpReceiver> StartAsync(string protocol)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new Holder();
        builder.Services.AddSingleton(receiver);
        if (protocol == "grpc")
        {
            builder.Services.AddGrpc();
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http1AndHttp2));
        }

        var app = builder.Build();
        if (protocol == "grpc")
        {
            app.MapGrpcService<TraceReceiver>();
            app.MapGrpcService<MetricsReceiver>();
            app.MapGrpcService<LogsReceiver>();
        }
        else
        {
            app.MapPost("/v1/traces", async (HttpRequest request) =>
                Keep(ExportTraceServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request)).ResourceSpans, receiver.Instance!.Spans));
            app.MapPost("/v1/metrics", async (HttpRequest request) =>
                Keep(ExportMetricsServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request)).ResourceMetrics, receiver.Instance!.Metrics));
            app.MapPost("/v1/logs", async (HttpRequest request) =>
                Keep(ExportLogsServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request)).ResourceLogs, receiver.Instance!.Logs));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Instance = new OtlpReceiver(app, new Uri(address));
        return receiver.Instance;
    }

    /// <summary>Waits (generously) until an export satisfies <paramref name="arrived"/>.</summary>
    public static async Task<T> WaitForAsync<T>(Func<T?> arrived)
        where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (arrived() is { } found)
            {
                return found;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static IResult Keep<T>(IEnumerable<T> items, ConcurrentQueue<T> queue)
    {
        foreach (var item in items)
        {
            queue.Enqueue(item);
        }

        // An empty ExportServiceResponse, protobuf-encoded: zero bytes.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>Lets the services reach the receiver, which exists only once the app has started.</summary>
    private sealed class Holder
    {
        public OtlpReceiver? Instance { get; set; }
    }

    private sealed class TraceReceiver(Holder holder) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            Keep(request.ResourceSpans, holder.Instance!.Spans);
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    private sealed class MetricsReceiver(Holder holder) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            Keep(request.ResourceMetrics, holder.Instance!.Metrics);
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }

    private sealed class LogsReceiver(Holder holder) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            Keep(request.ResourceLogs, holder.Instance!.Logs);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }
}
