namespace Grpc.AspNetCore.Server;

/// <summary>
/// Extra tags for the metrics of the current gRPC call (<c>rpc.server.call.duration</c> and the messages per
/// call), as ASP.NET Core's <c>IHttpMetricsTagsFeature</c> is for HTTP: an interceptor that learns something
/// about the call (its tenant, say) adds tags here and they are recorded with the call's measurements.
/// Present in <c>HttpContext.Features</c> while a listener records the server's metrics.
/// </summary>
public interface IGrpcMetricsTagsFeature
{
    /// <summary>Tags recorded with the call's measurements, in addition to the RPC conventions' own.</summary>
    ICollection<KeyValuePair<string, object?>> Tags { get; }
}
