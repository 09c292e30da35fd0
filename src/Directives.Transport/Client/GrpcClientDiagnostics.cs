using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Diagnostics;

namespace Grpc.Net.Client;

/// <summary>
/// What the client emits per call, by name so that any listener (the OpenTelemetry SDK among them) can
/// subscribe: the <see cref="ActivitySource"/> <c>Grpc.Net.Client</c>, as gRPC for .NET names it, with one
/// client span per call following OpenTelemetry's RPC conventions, and the <see cref="Meter"/> of the same
/// name with <c>rpc.client.call.duration</c> and, for streams, the messages per call.
/// </summary>
/// <remarks>
/// Static, as in gRPC for .NET: a channel has no service provider to take an <c>IMeterFactory</c> from.
/// Nothing is allocated for a call when nobody listens.
/// </remarks>
internal static class GrpcClientDiagnostics
{
    public const string SourceName = "Grpc.Net.Client";
    public const string ActivityName = "Grpc.Net.Client.GrpcOut";

    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        "rpc.client.call.duration",
        RpcSemanticConventions.SecondsUnit,
        "Duration of gRPC calls made by the client, until their status.",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcSemanticConventions.DurationBuckets });

    public static readonly Histogram<long> RequestsPerRpc = Meter.CreateHistogram(
        "rpc.client.requests_per_rpc",
        RpcSemanticConventions.CountUnit,
        "Request messages sent per streaming call.",
        tags: null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = RpcSemanticConventions.MessageCountBuckets });

    public static readonly Histogram<long> ResponsesPerRpc = Meter.CreateHistogram(
        "rpc.client.responses_per_rpc",
        RpcSemanticConventions.CountUnit,
        "Response messages received per streaming call.",
        tags: null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = RpcSemanticConventions.MessageCountBuckets });

    /// <summary>Starts the call's client span, current for the rest of the caller's async flow; null when nobody samples it.</summary>
    public static Activity? StartActivity(GrpcMethodInfo method, Uri address)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(ActivityName, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.DisplayName = method.SpanName;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem);
            activity.SetTag(RpcSemanticConventions.RpcService, method.ServiceName);
            activity.SetTag(RpcSemanticConventions.RpcMethod, method.MethodName);
            activity.SetTag(RpcSemanticConventions.ServerAddress, address.Host);
            activity.SetTag(RpcSemanticConventions.ServerPort, address.Port);
        }

        return activity;
    }

    /// <summary>
    /// Puts the span's context (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) in the request's
    /// headers, where the server reads it as gRPC metadata, with the process's propagator (W3C by default).
    /// </summary>
    public static void Inject(Activity activity, HttpRequestMessage request) =>
        DistributedContextPropagator.Current.Inject(activity, request.Headers, static (carrier, name, value) =>
        {
            if (carrier is HttpRequestHeaders headers && value is not null)
            {
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }
        });

    /// <summary>Ends the call's span with its status and records its metrics.</summary>
    public static void Finish(Activity? activity, GrpcMethodInfo method, Uri address, MethodType type, Status status, long startTimestamp, int requestMessages, int responseMessages)
    {
        var code = status.StatusCode;
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(RpcSemanticConventions.GrpcStatusCode, (int)code);
                if (code != StatusCode.OK)
                {
                    // On the client every status but OK is an error (the RPC conventions).
                    activity.SetTag(RpcSemanticConventions.ErrorType, RpcSemanticConventions.ErrorTypeOf(code));
                    activity.SetStatus(ActivityStatusCode.Error, status.Detail);
                }
            }

            // The status may be settled from a caller's cancellation callback or a timer: Stop makes the span's
            // parent current on that thread, so whatever was current there is put back.
            var current = Activity.Current;
            activity.Stop();
            if (current != activity)
            {
                Activity.Current = current;
            }
        }

        if (!CallDuration.Enabled && !RequestsPerRpc.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem },
            { RpcSemanticConventions.RpcService, method.ServiceName },
            { RpcSemanticConventions.RpcMethod, method.MethodName },
            { RpcSemanticConventions.ServerAddress, address.Host },
            { RpcSemanticConventions.ServerPort, address.Port },
            { RpcSemanticConventions.GrpcStatusCode, (int)code },
        };
        CallDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (type != MethodType.Unary)
        {
            RequestsPerRpc.Record(requestMessages, tags);
            ResponsesPerRpc.Record(responseMessages, tags);
        }
    }
}
