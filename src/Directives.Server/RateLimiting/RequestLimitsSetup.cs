using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Directives.Server.RateLimiting;

/// <summary>Applies <see cref="KestrelRequestLimits"/> to Kestrel and to the gRPC services.</summary>
internal sealed class RequestLimitsSetup(IOptions<KestrelRequestLimits> limits)
    : IConfigureOptions<KestrelServerOptions>, IConfigureOptions<GrpcServiceOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var value = limits.Value;
        options.Limits.MaxRequestHeadersTotalSize = value.MaxRequestHeadersTotalSize;
        options.Limits.Http2.MaxStreamsPerConnection = value.MaxStreamsPerConnection;
        options.Limits.MaxConcurrentConnections = value.MaxConcurrentConnections;
    }

    public void Configure(GrpcServiceOptions options) => options.MaxReceiveMessageSize = limits.Value.MaxReceiveMessageSize;
}
