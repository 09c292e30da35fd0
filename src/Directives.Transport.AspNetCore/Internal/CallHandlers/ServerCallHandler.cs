using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

/// <summary>The endpoint of one gRPC method: validates the request, sets up the call and runs its kind's flow.</summary>
internal abstract class ServerCallHandler(IMethod method, ServerCallSettings settings)
{
    private readonly string _spanName = method.ServiceName + "/" + method.Name;

    public IMethod Method { get; } = method;

    protected ServerCallSettings Settings { get; } = settings;

    /// <summary>Client- and duplex-streaming calls may keep the request body open indefinitely.</summary>
    protected abstract bool StreamingRequest { get; }

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidation.TryValidate(httpContext, Settings.Logger))
        {
            return Task.CompletedTask;
        }

        var context = new HttpContextServerCallContext(httpContext, Settings, Method.FullName);
        var activity = GrpcServerActivity.Enrich(httpContext, Method, _spanName);
        var metrics = Settings.Metrics is { Enabled: true } enabled ? enabled : null;
        if (activity is null && metrics is null)
        {
            context.Initialize(StreamingRequest);
            return HandleCallCoreAsync(context);
        }

        return HandleObservedCallAsync(context, activity, metrics);
    }

    /// <summary>Runs the call to its end; never throws, every failure becomes the call's status.</summary>
    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext context);

    /// <summary>A call someone listens to: its span gets the status, its metrics the duration and message counts.</summary>
    private async Task HandleObservedCallAsync(HttpContextServerCallContext context, Activity? activity, GrpcServerMetrics? metrics)
    {
        var startTimestamp = Stopwatch.GetTimestamp();
        if (metrics is not null)
        {
            context.HttpContext.Features.Set<IGrpcMetricsTagsFeature>(context);
        }

        context.Initialize(StreamingRequest);
        await HandleCallCoreAsync(context);
        if (activity is not null)
        {
            GrpcServerActivity.Complete(activity, context.FinalStatus);
        }

        metrics?.Record(Method, context, startTimestamp);
    }
}
