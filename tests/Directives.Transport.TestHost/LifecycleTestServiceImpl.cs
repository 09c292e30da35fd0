using System.Globalization;
using Directives.Testing.Lifecycle.V1;
using Grpc.Core;

namespace Directives.Transport.TestHost;

/// <summary>The test service: see lifecycle.proto.</summary>
public sealed class LifecycleTestServiceImpl : LifecycleTestService.LifecycleTestServiceBase
{
    public override async Task<SlowResponse> Slow(SlowRequest request, ServerCallContext context)
    {
        // Headers first, so a client knows the call has reached the handler; then the client's cancellation
        // ends the wait, a drain does not (an in-flight unary call must finish).
        if (!request.DeferHeaders)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-slow-started", "true" } });
        }

        await Task.Delay(request.Delay?.ToTimeSpan() ?? TimeSpan.Zero, context.CancellationToken);
        var connection = context.GetHttpContext().Connection;
        return new SlowResponse { Label = request.Label, Server = connection.LocalIpAddress + ":" + connection.LocalPort };
    }

    public override async Task Ticks(TicksRequest request, IServerStreamWriter<Tick> responseStream, ServerCallContext context)
    {
        var interval = request.Interval?.ToTimeSpan() ?? TimeSpan.FromMilliseconds(100);
        for (var index = 0; ; index++)
        {
            await responseStream.WriteAsync(new Tick { Index = index });
            await Task.Delay(interval, context.CancellationToken);
        }
    }

    public override Task<FailResponse> Fail(FailRequest request, ServerCallContext context) =>
        throw RichErrors.TaskNotCompletable(request.PaddingBytes);

    public override Task<ShapeSummary> Describe(Shape request, ServerCallContext context) => Task.FromResult(new ShapeSummary
    {
        Name = request.Name,
        Kind = request.Kind,
        PointCount = request.Points.Count,
        DrawnAt = request.DrawnAt?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? "",
        Size = request.SizeCase switch
        {
            Shape.SizeOneofCase.Radius => request.Radius,
            Shape.SizeOneofCase.Side => request.Side,
            _ => 0,
        },
    });
}
