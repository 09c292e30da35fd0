using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>
/// <c>ResponseHeadersAsync</c>: the task is created only when someone asks for it, since most callers never
/// do. It completes with the headers' metadata when they arrive, and fails with the call's status when the
/// call ends without them or with a Trailers-Only error (as in gRPC for .NET).
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private const int HeadersPending = 0;
    private const int HeadersReceived = 1;
    private const int HeadersMissing = 2;

    private int _headersState;
    private TaskCompletionSource<Metadata>? _responseHeaders;
    private Metadata? _responseHeadersMetadata;

    public Task<Metadata> GetResponseHeadersAsync()
    {
        var completion = Volatile.Read(ref _responseHeaders);
        if (completion is null)
        {
            var created = new TaskCompletionSource<Metadata>(TaskCreationOptions.RunContinuationsAsynchronously);
            completion = Interlocked.CompareExchange(ref _responseHeaders, created, null) ?? created;
            CompleteResponseHeaders(completion);
        }

        return completion.Task;
    }

    private void SetResponseHeadersReceived() => SetHeadersState(HeadersReceived);

    /// <summary>At the end of the call: headers that never arrived never will.</summary>
    private void OnFinishedResponseHeaders() => SetHeadersState(HeadersMissing);

    private void SetHeadersState(int state)
    {
        // The exchange and the creation of the completion are both full fences, so either this sees the
        // completion or GetResponseHeadersAsync sees the state: no waiter is missed.
        if (Interlocked.CompareExchange(ref _headersState, state, HeadersPending) == HeadersPending
            && Volatile.Read(ref _responseHeaders) is { } completion)
        {
            CompleteResponseHeaders(completion);
        }
    }

    private void CompleteResponseHeaders(TaskCompletionSource<Metadata> completion)
    {
        switch (Volatile.Read(ref _headersState))
        {
            case HeadersReceived:
                completion.TrySetResult(_responseHeadersMetadata ??= GrpcResponse.BuildMetadata(_response!.Headers));
                break;
            case HeadersMissing:
                completion.TrySetException(CreateFailureException());
                break;
        }
    }
}
