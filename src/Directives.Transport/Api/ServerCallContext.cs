namespace Grpc.Core;

/// <summary>The server side of one call: its identity, deadline, metadata and outcome.</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    /// <summary>The full method name, <c>/{service}/{method}</c>.</summary>
    public string Method => MethodCore;

    /// <summary>The <c>:authority</c> of the request.</summary>
    public string Host => HostCore;

    /// <summary>The caller's address, e.g. <c>ipv4:127.0.0.1:51234</c>.</summary>
    public string Peer => PeerCore;

    /// <summary>The call's deadline (UTC); <see cref="DateTime.MaxValue"/> when none.</summary>
    public DateTime Deadline => DeadlineCore;

    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Fires when the call is cancelled by the client, its deadline passes, or the server shuts down.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>The status to send when the handler returns normally.</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    /// <summary>State for interceptors and handlers of this call.</summary>
    public IDictionary<object, object> UserState => UserStateCore;

    /// <summary>Sends the response headers now; they go with the first message otherwise. Allowed once.</summary>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    protected abstract string MethodCore { get; }

    protected abstract string HostCore { get; }

    protected abstract string PeerCore { get; }

    protected abstract DateTime DeadlineCore { get; }

    protected abstract Metadata RequestHeadersCore { get; }

    protected abstract CancellationToken CancellationTokenCore { get; }

    protected abstract Metadata ResponseTrailersCore { get; }

    protected abstract Status StatusCore { get; set; }

    protected abstract WriteOptions? WriteOptionsCore { get; set; }

    protected virtual IDictionary<object, object> UserStateCore => _userState ??= [];

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}
