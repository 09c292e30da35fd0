using System.Diagnostics;
using System.Diagnostics.Metrics;
using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.Tests.Diagnostics;

/// <summary>
/// Client and server spans and metrics per call, after OpenTelemetry's RPC conventions, and trace context
/// and baggage carried in the call's metadata: observed with plain listeners, as any SDK subscribes.
/// </summary>
public sealed class TransportTelemetryTests : IAsyncLifetime
{
    private const string Service = "directives.testing.v1.ConformanceService";
    private GrpcTestServer _server = null!;
    private GrpcChannel _channel = null!;
    private TelemetryRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { ConfigureGrpc = options => options.Interceptors.Add<TenantTagInterceptor>() });
        _channel = GrpcChannel.ForAddress(_server.Address);
        _recorder = new TelemetryRecorder(_server.Services.GetRequiredService<IMeterFactory>(), _server.Address.Port);
    }

    public async Task DisposeAsync()
    {
        _recorder.Dispose();
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task AUnaryCallIsAClientSpanParentOfTheServerSpanWithRpcAttributes()
    {
        using var parent = new Activity("test-operation").Start();
        var client = new ConformanceService.ConformanceServiceClient(_channel);

        await client.UnaryAsync(new EchoRequest { Message = "xin chào" });
        parent.Stop();

        var spans = await _recorder.WaitForTraceAsync(parent.TraceId, count: 2);
        var clientSpan = Assert.Single(spans, s => s.Source.Name == "Grpc.Net.Client");
        var serverSpan = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(ActivityKind.Client, clientSpan.Kind);
        Assert.Equal(parent.SpanId, clientSpan.ParentSpanId);
        Assert.Equal(ActivityKind.Server, serverSpan.Kind);
        Assert.Equal(clientSpan.SpanId, serverSpan.ParentSpanId);
        foreach (var span in new[] { clientSpan, serverSpan })
        {
            Assert.Equal(Service + "/Unary", span.DisplayName);
            Assert.Equal("grpc", span.GetTagItem("rpc.system"));
            Assert.Equal(Service, span.GetTagItem("rpc.service"));
            Assert.Equal("Unary", span.GetTagItem("rpc.method"));
            Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }

        Assert.Equal("127.0.0.1", clientSpan.GetTagItem("server.address"));
        Assert.Equal(_server.Address.Port, clientSpan.GetTagItem("server.port"));
    }

    [Fact]
    public async Task BaggageAndTraceStateReachTheServerInTheCallsMetadata()
    {
        using var parent = new Activity("test-operation");
        parent.TraceStateString = "vendor=abc";
        parent.AddBaggage("directives.request", "r-42");
        parent.Start();
        var client = new ConformanceService.ConformanceServiceClient(_channel);

        var response = await client.UnaryAsync(new EchoRequest { EchoMetadata = true });
        parent.Stop();

        var spans = await _recorder.WaitForTraceAsync(parent.TraceId, count: 2);
        var serverSpan = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal("r-42", serverSpan.GetBaggageItem("directives.request"));
        Assert.Equal("vendor=abc", serverSpan.TraceStateString);
    }

    [Fact]
    public async Task AHandlerExceptionMakesBothSpansErrorsAndAnApplicationStatusOnlyTheClients()
    {
        using var parent = new Activity("test-operation").Start();
        var client = new ConformanceService.ConformanceServiceClient(_channel);

        var thrown = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest { ThrowException = true }));
        var notFound = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest { RaiseStatus = new StatusSpec { Code = 5, Message = "not here" } }));
        parent.Stop();

        Assert.Equal(StatusCode.Unknown, thrown.StatusCode);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        var spans = await _recorder.WaitForTraceAsync(parent.TraceId, count: 4);
        var unknownServer = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("rpc.grpc.status_code"), 2));
        var unknownClient = Assert.Single(spans, s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("rpc.grpc.status_code"), 2));
        var notFoundServer = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("rpc.grpc.status_code"), 5));
        var notFoundClient = Assert.Single(spans, s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("rpc.grpc.status_code"), 5));
        Assert.Equal(ActivityStatusCode.Error, unknownServer.Status);
        Assert.Equal("UNKNOWN", unknownServer.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, unknownClient.Status);
        Assert.Equal(ActivityStatusCode.Unset, notFoundServer.Status);
        Assert.Equal(ActivityStatusCode.Error, notFoundClient.Status);
        Assert.Equal("NOT_FOUND", notFoundClient.GetTagItem("error.type"));
        Assert.Equal("not here", notFoundClient.StatusDescription);
    }

    [Fact]
    public async Task CallDurationsAreRecordedOnBothEndsWithStatusAndEnrichedTags()
    {
        var client = new ConformanceService.ConformanceServiceClient(_channel);

        await client.UnaryAsync(new EchoRequest { Message = "một" });
        await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest { RaiseStatus = new StatusSpec { Code = 7 } }));

        var server = await _recorder.WaitForMeasurementsAsync("rpc.server.call.duration", 1, ("rpc.method", "Unary"), ("rpc.grpc.status_code", 0));
        var denied = await _recorder.WaitForMeasurementsAsync("rpc.server.call.duration", 1, ("rpc.method", "Unary"), ("rpc.grpc.status_code", 7));
        var clientSide = await _recorder.WaitForMeasurementsAsync("rpc.client.call.duration", 2, ("rpc.method", "Unary"));
        Assert.All(server.Concat(denied), m =>
        {
            Assert.Equal("grpc", m.Tag("rpc.system"));
            Assert.Equal(Service, m.Tag("rpc.service"));
            Assert.Equal(TenantTagInterceptor.Province, m.Tag("directives.province"));
            Assert.InRange(m.Value, 0, 30);
        });
        Assert.Contains(clientSide, m => Equals(m.Tag("rpc.grpc.status_code"), 7));
        Assert.Contains(clientSide, m => Equals(m.Tag("rpc.grpc.status_code"), 0));
    }

    [Fact]
    public async Task StreamingCallsRecordTheirMessageCounts()
    {
        var client = new ConformanceService.ConformanceServiceClient(_channel);

        using (var serverStream = client.ServerStream(new EchoRequest { ResponseCount = 3 }))
        {
            while (await serverStream.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        using (var clientStream = client.ClientStream())
        {
            for (var i = 0; i < 4; i++)
            {
                await clientStream.RequestStream.WriteAsync(new EchoRequest { Message = "m" + i });
            }

            await clientStream.RequestStream.CompleteAsync();
            await clientStream;
        }

        Assert.Equal(3, Assert.Single(await _recorder.WaitForMeasurementsAsync("rpc.server.responses_per_rpc", 1, ("rpc.method", "ServerStream"))).Value);
        Assert.Equal(1, Assert.Single(await _recorder.WaitForMeasurementsAsync("rpc.server.requests_per_rpc", 1, ("rpc.method", "ServerStream"))).Value);
        Assert.Equal(3, Assert.Single(await _recorder.WaitForMeasurementsAsync("rpc.client.responses_per_rpc", 1, ("rpc.method", "ServerStream"))).Value);
        Assert.Equal(4, Assert.Single(await _recorder.WaitForMeasurementsAsync("rpc.server.requests_per_rpc", 1, ("rpc.method", "ClientStream"))).Value);
        Assert.Equal(4, Assert.Single(await _recorder.WaitForMeasurementsAsync("rpc.client.requests_per_rpc", 1, ("rpc.method", "ClientStream"))).Value);
    }

    [Fact]
    public async Task CancellingACallFromAnotherSpanLeavesThatSpanCurrent()
    {
        var client = new ConformanceService.ConformanceServiceClient(_channel);
        using var cancellation = new CancellationTokenSource();
        Task call;
        using (var parent = new Activity("caller").Start())
        {
            call = client.UnaryAsync(new EchoRequest { DelayMs = 30_000 }, cancellationToken: cancellation.Token).ResponseAsync;
        }

        using var other = new Activity("other").Start();
        cancellation.Cancel();

        // The client span stopped on this thread; the span that was current here still is.
        Assert.Same(other, Activity.Current);
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode);
    }

    /// <summary>Adds a tag to the call's metrics, as the server's tenant resolution adds the province.</summary>
    private sealed class TenantTagInterceptor : Interceptor
    {
        public const string Province = "hung-yen";

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            context.GetHttpContext().Features.Get<IGrpcMetricsTagsFeature>()?.Tags.Add(new("directives.province", Province));
            return continuation(request, context);
        }
    }
}
