namespace Grpc.Net.Client;

/// <summary>The connection layer a channel uses when the caller brings none.</summary>
internal static class DefaultHttpHandler
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> set up as gRPC for .NET's performance guidance recommends.
    /// ALPN (h2 over TLS) and HTTP/2 prior knowledge (h2c over http://) follow from the request version and
    /// policy the channel sets on every request, so nothing here depends on the scheme.
    /// </summary>
    public static SocketsHttpHandler Create() => new()
    {
        // A server's SETTINGS_MAX_CONCURRENT_STREAMS (often 100) would otherwise queue calls beyond it on one
        // connection; with this the handler opens another connection instead.
        EnableMultipleHttp2Connections = true,

        // gRPC connections are long-lived: closing an idle one costs a TCP (and TLS) handshake on the next call.
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,

        // Pings find a dead connection (a dropped NAT mapping, a peer that vanished) while a call waits on it.
        // Only with calls in flight: gRPC servers built on grpc-core count pings on an idle connection as abuse
        // and answer them with GOAWAY.
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,

        // gRPC has its own message compression; HTTP content codings, cookies and redirects are not part of it.
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    };
}
