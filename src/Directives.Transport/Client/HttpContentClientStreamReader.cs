using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>The response stream of a server- or duplex-streaming call.</summary>
internal sealed class HttpContentClientStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, Task<bool> responseReady) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int Ended = 2;

    private int _state;
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current element is available.");

    /// <summary>
    /// Reads the next message. Cancelling <paramref name="cancellationToken"/> cancels the call. At the end of
    /// the stream returns false for status OK and throws <see cref="RpcException"/> for any other.
    /// </summary>
    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        return Interlocked.CompareExchange(ref _state, Reading, Idle) switch
        {
            Reading => Task.FromException<bool>(new InvalidOperationException("Can't read the next message because the previous read is still in progress.")),
            Ended => EndOfStream(),
            _ => MoveNextCoreAsync(cancellationToken),
        };
    }

    /// <summary>Releases the response buffers when the call ends while no read is pending.</summary>
    public void CompleteIfIdle()
    {
        if (Interlocked.CompareExchange(ref _state, Ended, Idle) == Idle)
        {
            call.CompleteMessageReader();
        }
    }

    private async Task<bool> MoveNextCoreAsync(CancellationToken cancellationToken)
    {
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelFromToken(), call)
            : default;
        try
        {
            if (await responseReady.ConfigureAwait(false) && !call.IsFinished)
            {
                var message = await call.ReadResponseMessageAsync().ConfigureAwait(false);
                if (message is not null)
                {
                    call.OnResponseMessage();
                    _current = message;
                    return true;
                }

                call.FinishFromTrailers();
            }
        }
        catch (Exception ex)
        {
            call.Fail(ex);
        }
        finally
        {
            registration.Dispose();
            if (!call.IsFinished)
            {
                Volatile.Write(ref _state, Idle);
            }
            else if (Interlocked.Exchange(ref _state, Ended) != Ended)
            {
                call.CompleteMessageReader();
            }
        }

        return await EndOfStream().ConfigureAwait(false);
    }

    private Task<bool> EndOfStream() => call.WaitForStatus().StatusCode == StatusCode.OK
        ? Task.FromResult(false)
        : Task.FromException<bool>(call.CreateFailureException());
}
