using System.IO.Pipelines;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The request stream of a client- or duplex-streaming call. A message already buffered is returned
/// synchronously with a cached task; only a read that must wait allocates.
/// </summary>
internal sealed class HttpContextStreamReader<T>(HttpContextServerCallContext context, Func<DeserializationContext, T> deserializer) : IAsyncStreamReader<T>
{
    private static readonly Task<bool> True = Task.FromResult(true);
    private static readonly Task<bool> False = Task.FromResult(false);

    private readonly PipeReader _reader = context.HttpContext.Request.BodyReader;
    private bool _completed;

    public T Current { get; private set; } = default!;

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        if (_completed)
        {
            return False;
        }

        try
        {
            if (_reader.TryRead(out var result) && TryProcess(result, cancellationToken, out var hasMessage))
            {
                return hasMessage ? True : False;
            }
        }
        catch (Exception exception)
        {
            return Task.FromException<bool>(exception);
        }

        return MoveNextAsync(cancellationToken);
    }

    private async Task<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        // The caller's token interrupts the read; the call's deadline token is passed to the read itself.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((PipeReader)state!).CancelPendingRead(), _reader)
            : default;
        while (true)
        {
            var result = await _reader.ReadAsync(context.DeadlineToken);
            if (TryProcess(result, cancellationToken, out var hasMessage))
            {
                return hasMessage;
            }
        }
    }

    /// <summary>Consumes one message or the end of the stream from <paramref name="result"/>; false when more data is needed.</summary>
    private bool TryProcess(in ReadResult result, CancellationToken cancellationToken, out bool hasMessage)
    {
        var buffer = result.Buffer;
        var consumed = buffer.Start;
        var examined = buffer.End;
        hasMessage = false;
        try
        {
            if (result.IsCanceled)
            {
                examined = consumed;
                cancellationToken.ThrowIfCancellationRequested();
                throw new OperationCanceledException();
            }

            var remaining = buffer;
            if (MessageReader.TryReadMessage(ref remaining, context, out var payload, out var compressed))
            {
                consumed = remaining.Start;
                examined = consumed;
                Current = MessageReader.Deserialize(context, payload, compressed, deserializer);
                hasMessage = true;
                return true;
            }

            if (!result.IsCompleted)
            {
                return false;
            }

            consumed = buffer.End;
            _completed = true;
            if (!buffer.IsEmpty)
            {
                throw new RpcException(MessageStatus.IncompleteMessage);
            }

            return true;
        }
        finally
        {
            _reader.AdvanceTo(consumed, examined);
        }
    }
}
