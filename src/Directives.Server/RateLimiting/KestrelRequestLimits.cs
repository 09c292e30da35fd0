namespace Directives.Server.RateLimiting;

/// <summary>
/// Request size and concurrency limits, bound from the <c>Limits</c> section:
/// <code>
/// "Limits": {
///   "MaxReceiveMessageSize": 4194304,        // bytes of one request message (gRPC), else RESOURCE_EXHAUSTED
///   "MaxRequestHeadersTotalSize": 32768,     // bytes of all request headers (metadata), Kestrel
///   "MaxStreamsPerConnection": 100,          // concurrent HTTP/2 streams (calls) per connection, Kestrel
///   "MaxConcurrentConnections": null         // per server; null for no limit, Kestrel
/// }
/// </code>
/// </summary>
internal sealed class KestrelRequestLimits
{
    public const string SectionName = "Limits";

    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    public int MaxStreamsPerConnection { get; set; } = 100;

    public long? MaxConcurrentConnections { get; set; }
}
