namespace Grpc.Core;

/// <summary>The status, trailers and disposal of a call, as either closures or state-taking delegates.</summary>
internal readonly struct AsyncCallState
{
    private readonly object? _responseHeadersAsync;
    private readonly Delegate _getStatus;
    private readonly Delegate _getTrailers;
    private readonly Delegate _dispose;
    private readonly object? _state;

    public AsyncCallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
    {
        _responseHeadersAsync = responseHeadersAsync ?? throw new ArgumentNullException(nameof(responseHeadersAsync));
        _getStatus = getStatus ?? throw new ArgumentNullException(nameof(getStatus));
        _getTrailers = getTrailers ?? throw new ArgumentNullException(nameof(getTrailers));
        _dispose = dispose ?? throw new ArgumentNullException(nameof(dispose));
        _state = null;
    }

    public AsyncCallState(Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatus, Func<object, Metadata> getTrailers, Action<object> dispose, object state)
    {
        _responseHeadersAsync = responseHeadersAsync ?? throw new ArgumentNullException(nameof(responseHeadersAsync));
        _getStatus = getStatus ?? throw new ArgumentNullException(nameof(getStatus));
        _getTrailers = getTrailers ?? throw new ArgumentNullException(nameof(getTrailers));
        _dispose = dispose ?? throw new ArgumentNullException(nameof(dispose));
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeadersAsync is Task<Metadata> task
        ? task
        : ((Func<object, Task<Metadata>>)_responseHeadersAsync!)(_state!);

    public Status GetStatus() => _getStatus is Func<Status> get ? get() : ((Func<object, Status>)_getStatus)(_state!);

    public Metadata GetTrailers() => _getTrailers is Func<Metadata> get ? get() : ((Func<object, Metadata>)_getTrailers)(_state!);

    public void Dispose()
    {
        if (_dispose is Action dispose)
        {
            dispose();
        }
        else
        {
            ((Action<object>)_dispose)(_state!);
        }
    }
}
