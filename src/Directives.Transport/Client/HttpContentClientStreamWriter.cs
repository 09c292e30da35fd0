using System.IO.Pipelines;
using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>
/// The request stream of a client- or duplex-streaming call. Messages are serialized straight into a pipe over
/// the HTTP/2 request stream; <see cref="CompleteAsync"/> half-closes it.
/// </summary>
internal sealed class HttpContentClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, StreamingRequestContent content) : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Completed = 2;

    private static readonly StreamPipeWriterOptions RequestWriterOptions = new(leaveOpen: true);

    private int _state;
    private PipeWriter? _output;

    public WriteOptions? WriteOptions { get; set; } = call.Options.WriteOptions;

    /// <summary>The response of a client-streaming call: what a failed write waits for to learn the status.</summary>
    public Task<TResponse>? ResponseTask { get; set; }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    /// <summary>Writes one message; cancelling <paramref name="cancellationToken"/> cancels the call.</summary>
    public Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Interlocked.CompareExchange(ref _state, Writing, Idle) switch
        {
            Writing => Task.FromException(new InvalidOperationException("Can't write the message because the previous write is in progress.")),
            Completed => Task.FromException(call.IsFinished ? CallFinishedException() : new InvalidOperationException("Request stream has already been completed.")),
            _ => WriteCoreAsync(message, cancellationToken),
        };
    }

    /// <summary>Half-closes the request stream; the server sees the end of the client's messages.</summary>
    public Task CompleteAsync()
    {
        return Interlocked.CompareExchange(ref _state, Completed, Idle) switch
        {
            Writing => Task.FromException(new InvalidOperationException("Can't complete the client stream writer because the previous write is in progress.")),
            Completed => Task.CompletedTask,
            _ => CompleteCoreAsync(),
        };
    }

    private async Task WriteCoreAsync(TRequest message, CancellationToken cancellationToken)
    {
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelFromToken(), call)
            : default;
        try
        {
            if (call.IsFinished)
            {
                throw CallFinishedException();
            }

            PipeWriter output;
            try
            {
                // The stream is there once the handler sends the body; the wait ends early if the call does.
                output = _output ??= PipeWriter.Create(await content.GetStreamAsync().ConfigureAwait(false), RequestWriterOptions);
            }
            catch (Exception ex)
            {
                throw await ResolveWriteFailureAsync(ex).ConfigureAwait(false);
            }

            try
            {
                call.WriteRequestMessage(message, output, WriteOptions);
            }
            catch (Exception ex)
            {
                // Over the send limit, or the marshaller failed: the call can't go on with a message missing
                // (or half-written), so it ends here with that status and the stream is reset.
                call.Fail(ex);
                throw CallFinishedException();
            }

            if (WriteOptions is null || (WriteOptions.Flags & WriteFlags.BufferHint) == 0)
            {
                try
                {
                    await output.FlushAsync(call.CallToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    throw await ResolveWriteFailureAsync(ex).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            registration.Dispose();
            Interlocked.CompareExchange(ref _state, Idle, Writing);
        }
    }

    private async Task CompleteCoreAsync()
    {
        if (call.IsFinished)
        {
            return;
        }

        try
        {
            if (_output is { } output)
            {
                await output.FlushAsync(call.CallToken).ConfigureAwait(false);
                await output.CompleteAsync().ConfigureAwait(false);
            }

            content.Complete();
        }
        catch (Exception ex)
        {
            throw await ResolveWriteFailureAsync(ex).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A write failed in the transport, most often because the server has already ended the call. The
    /// caller learns the call's status rather than the I/O error: a client-streaming call waits for the
    /// response (which is being read already) to know it.
    /// </summary>
    private async Task<Exception> ResolveWriteFailureAsync(Exception exception)
    {
        if (!call.IsFinished && ResponseTask is { } response)
        {
            try
            {
                await response.ConfigureAwait(false);
            }
            catch
            {
                // Its outcome is the call's status, read below.
            }
        }

        return call.IsFinished
            ? CallFinishedException()
            : new RpcException(TransportFailure.ToStatus(exception, "Error writing the request message."));
    }

    private Exception CallFinishedException() => call.WaitForStatus().StatusCode == StatusCode.OK
        ? new InvalidOperationException("Can't write the message because the call is complete.")
        : call.CreateFailureException();
}
