using Grpc.Core;

namespace Directives.Transport.GracefulShutdown.Internal;

/// <summary>
/// A streaming call's context whose <see cref="ServerCallContext.CancellationToken"/> also fires when the
/// server begins draining; everything else is the transport's own context.
/// </summary>
internal sealed class DrainingServerCallContext : ServerCallContext
{
    // The key gRPC for .NET's GetHttpContext() also looks for in UserState when the context is not the
    // transport's own: the service activator and later interceptors find the call's HttpContext through it.
    private const string HttpContextKey = "__HttpContext";

    private readonly ServerCallContext _inner;
    private readonly CancellationToken _cancellationToken;

    public DrainingServerCallContext(ServerCallContext inner, CancellationToken cancellationToken)
    {
        _inner = inner;
        _cancellationToken = cancellationToken;
        inner.UserState[HttpContextKey] = inner.GetHttpContext();
    }

    protected override string MethodCore => _inner.Method;

    protected override string HostCore => _inner.Host;

    protected override string PeerCore => _inner.Peer;

    protected override DateTime DeadlineCore => _inner.Deadline;

    protected override Metadata RequestHeadersCore => _inner.RequestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _inner.ResponseTrailers;

    protected override Status StatusCore
    {
        get => _inner.Status;
        set => _inner.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _inner.WriteOptions;
        set => _inner.WriteOptions = value;
    }

    protected override IDictionary<object, object> UserStateCore => _inner.UserState;

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => _inner.WriteResponseHeadersAsync(responseHeaders);
}
