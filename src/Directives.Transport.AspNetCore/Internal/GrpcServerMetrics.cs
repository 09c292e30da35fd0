using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Net.Diagnostics;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The server's meter, <c>Grpc.AspNetCore.Server</c>, from the host's <see cref="IMeterFactory"/>, with the
/// RPC conventions' <c>rpc.server.call.duration</c> and, for streams, the messages per call.
/// </summary>
internal sealed class GrpcServerMetrics
{
    public const string MeterName = "Grpc.AspNetCore.Server";

    private readonly Histogram<double> _callDuration;
    private readonly Histogram<long> _requestsPerRpc;
    private readonly Histogram<long> _responsesPerRpc;

    public GrpcServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _callDuration = meter.CreateHistogram(
            "rpc.server.call.duration",
            RpcSemanticConventions.SecondsUnit,
            "Duration of gRPC calls handled by the server, until their status.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcSemanticConventions.DurationBuckets });
        _requestsPerRpc = meter.CreateHistogram(
            "rpc.server.requests_per_rpc",
            RpcSemanticConventions.CountUnit,
            "Request messages received per streaming call.",
            tags: null,
            new InstrumentAdvice<long> { HistogramBucketBoundaries = RpcSemanticConventions.MessageCountBuckets });
        _responsesPerRpc = meter.CreateHistogram(
            "rpc.server.responses_per_rpc",
            RpcSemanticConventions.CountUnit,
            "Response messages sent per streaming call.",
            tags: null,
            new InstrumentAdvice<long> { HistogramBucketBoundaries = RpcSemanticConventions.MessageCountBuckets });
    }

    public bool Enabled => _callDuration.Enabled || _requestsPerRpc.Enabled;

    public void Record(IMethod method, HttpContextServerCallContext context, long startTimestamp)
    {
        var tags = new TagList
        {
            { RpcSemanticConventions.RpcSystem, RpcSemanticConventions.GrpcSystem },
            { RpcSemanticConventions.RpcService, method.ServiceName },
            { RpcSemanticConventions.RpcMethod, method.Name },
            { RpcSemanticConventions.GrpcStatusCode, (int)context.FinalStatus.StatusCode },
        };
        if (context.MetricsTags is { } extra)
        {
            foreach (var tag in extra)
            {
                tags.Add(tag);
            }
        }

        _callDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (method.Type != MethodType.Unary)
        {
            _requestsPerRpc.Record(context.RequestMessages, tags);
            _responsesPerRpc.Record(context.ResponseMessages, tags);
        }
    }
}
