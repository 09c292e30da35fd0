using System.IO.Pipelines;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The response stream of a server- or duplex-streaming call. Each message is serialized straight into the
/// response pipe and flushed, unless <see cref="WriteFlags.BufferHint"/> asks to wait for the next one.
/// A write owns the response until its flush completes (see <see cref="ResponseOwnership"/>).
/// </summary>
internal sealed class HttpContextStreamWriter<T>(HttpContextServerCallContext context, Action<T, SerializationContext> serializer) : IServerStreamWriter<T>
{
    private readonly PipeWriter _writer = context.HttpContext.Response.BodyWriter;

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

        context.EnterResponse();
        ValueTask<FlushResult> flush;
        try
        {
            context.WriteMessage(message, serializer);
            if (context.WriteOptions is { } options && (options.Flags & WriteFlags.BufferHint) != 0)
            {
                context.ExitResponse();
                return Task.CompletedTask;
            }

            flush = _writer.FlushAsync(context.DeadlineToken);
        }
        catch
        {
            context.ExitResponse();
            throw;
        }

        if (!flush.IsCompletedSuccessfully)
        {
            return AwaitFlushAsync(flush, cancellationToken);
        }

        try
        {
            CheckFlushResult(flush.Result, cancellationToken);
        }
        finally
        {
            context.ExitResponse();
        }

        return Task.CompletedTask;
    }

    private async Task AwaitFlushAsync(ValueTask<FlushResult> flush, CancellationToken cancellationToken)
    {
        try
        {
            using var registration = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static state => ((PipeWriter)state!).CancelPendingFlush(), _writer)
                : default;
            CheckFlushResult(await flush, cancellationToken);
        }
        finally
        {
            context.ExitResponse();
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
