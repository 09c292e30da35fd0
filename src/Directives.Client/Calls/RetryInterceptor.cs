using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Client.Calls;

/// <summary>
/// Sends a unary call again after UNAVAILABLE when <see cref="RetryableCalls"/> says it is safe, after
/// the jittered backoff of <see cref="RetryOptions"/>, within the call's deadline and cancellation.
/// Streaming calls are not retried: their caller resumes them (a change token, a page token).
/// </summary>
internal sealed class RetryInterceptor(RetryOptions options, TimeProvider timeProvider) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (options.MaxAttempts <= 1 || !RetryableCalls.IsRetryable(context.Method.Name, request))
        {
            return continuation(request, context);
        }

        var attempts = new RetryingCall<TRequest, TResponse>(request, context, continuation, options, timeProvider);

        // The state-based overload reads headers only when asked, so an unread header task never faults unobserved.
        return new AsyncUnaryCall<TResponse>(
            attempts.RunAsync(),
            static state => ((RetryingCall<TRequest, TResponse>)state).ResponseHeadersAsync(),
            static state => ((RetryingCall<TRequest, TResponse>)state).GetStatus(),
            static state => ((RetryingCall<TRequest, TResponse>)state).GetTrailers(),
            static state => ((RetryingCall<TRequest, TResponse>)state).Dispose(),
            attempts);
    }

    /// <summary>The attempts of one call; status, trailers and headers are those of the latest attempt.</summary>
    private sealed class RetryingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation,
        RetryOptions options,
        TimeProvider timeProvider)
        where TRequest : class
        where TResponse : class
    {
        private readonly TaskCompletionSource<AsyncUnaryCall<TResponse>> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private AsyncUnaryCall<TResponse>? _current;
        private bool _disposed;

        public async Task<TResponse> RunAsync()
        {
            try
            {
                return await AttemptAsync().ConfigureAwait(false);
            }
            finally
            {
                // Headers, status and trailers are the last attempt's, whatever ended the call.
                if (_current is { } last)
                {
                    _final.TrySetResult(last);
                }
                else
                {
                    _final.TrySetCanceled();
                }
            }
        }

        private async Task<TResponse> AttemptAsync()
        {
            var cancellation = context.Options.CancellationToken;
            for (var attempt = 1; ; attempt++)
            {
                var call = Start();
                try
                {
                    return await call.ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && attempt < options.MaxAttempts && !cancellation.IsCancellationRequested)
                {
                    var delay = options.Backoff(attempt + 1);
                    if (context.Options.Deadline is { } deadline && deadline != DateTime.MaxValue
                        && timeProvider.GetUtcNow().UtcDateTime + delay >= deadline.ToUniversalTime())
                    {
                        // The next attempt could not finish in time: report the real failure, not a deadline.
                        throw;
                    }

                    options.OnRetry?.Invoke(new RetryAttempt(context.Method.FullName, attempt + 1, delay, exception.Status));
                    await Task.Delay(delay, timeProvider, cancellation).ConfigureAwait(false);
                }
            }
        }

        public async Task<Metadata> ResponseHeadersAsync()
        {
            var call = await _final.Task.ConfigureAwait(false);
            return await call.ResponseHeadersAsync.ConfigureAwait(false);
        }

        public Status GetStatus() => Current().GetStatus();

        public Metadata GetTrailers() => Current().GetTrailers();

        public void Dispose()
        {
            lock (this)
            {
                _disposed = true;
                _current?.Dispose();
            }
        }

        private AsyncUnaryCall<TResponse> Start()
        {
            lock (this)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _current?.Dispose();
                return _current = continuation(request, context);
            }
        }

        private AsyncUnaryCall<TResponse> Current()
        {
            lock (this)
            {
                return _current ?? throw new InvalidOperationException("The call has not started.");
            }
        }
    }
}
