using System.IO.Pipelines;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The response stream of a server- or duplex-streaming call. Each message is serialized straight into the
/// response pipe and flushed, unless <see cref="WriteFlags.BufferHint"/> asks to wait for the next one.
/// </summary>
internal sealed class HttpContextStreamWriter<T>(HttpContextServerCallContext context, Action<T, SerializationContext> serializer) : IServerStreamWriter<T>
{
    private readonly PipeWriter _writer = context.HttpContext.Response.BodyWriter;
    private bool _writeInProgress;

    public WriteOptions? WriteOptions
    {
        get => context.WriteOptions;
        set => context.WriteOptions = value;
    }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (_writeInProgress)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        context.EnsureCanWrite();
        context.WriteMessage(message, serializer);
        if (context.WriteOptions is { } options && (options.Flags & WriteFlags.BufferHint) != 0)
        {
            return Task.CompletedTask;
        }

        var flush = _writer.FlushAsync(context.DeadlineToken);
        if (flush.IsCompletedSuccessfully)
        {
            CheckFlushResult(flush.Result, cancellationToken);
            return Task.CompletedTask;
        }

        return AwaitFlushAsync(flush, cancellationToken);
    }

    private async Task AwaitFlushAsync(ValueTask<FlushResult> flush, CancellationToken cancellationToken)
    {
        _writeInProgress = true;
        try
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => ((PipeWriter)state!).CancelPendingFlush(), _writer)
                : default;
            CheckFlushResult(await flush, cancellationToken);
        }
        finally
        {
            _writeInProgress = false;
        }
    }

    private void CheckFlushResult(FlushResult result, CancellationToken cancellationToken)
    {
        if (result.IsCanceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException();
        }

        // The client is gone (the stream was reset): the handler should stop.
        context.HttpContext.RequestAborted.ThrowIfCancellationRequested();
    }
}
