using System.Buffers;
using System.Net;
using Grpc.Core.Protocol;

namespace Grpc.Net.Client;

/// <summary>
/// The body of a unary or server-streaming call: one length-prefixed message, serialized before the call is
/// sent (so a send-limit failure sends nothing) into a pooled buffer, with its length known to the handler.
/// </summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Disposed = 2;

    private readonly byte[] _buffer;
    private readonly int _length;
    private int _state;

    public UnaryRequestContent(byte[] rentedBuffer, int length)
    {
        _buffer = rentedBuffer;
        _length = length;
        Headers.TryAddWithoutValidation(GrpcProtocolConstants.ContentTypeHeader, GrpcProtocolConstants.GrpcContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Writing, Idle) != Idle)
        {
            throw new ObjectDisposedException(nameof(UnaryRequestContent));
        }

        ValueTask write;
        try
        {
            write = stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
        }
        catch
        {
            EndWrite();
            throw;
        }

        // Small bodies usually fit the connection's buffer at once: no state machine for them.
        if (write.IsCompletedSuccessfully)
        {
            EndWrite();
            return Task.CompletedTask;
        }

        return AwaitWriteAsync(write);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _state, Disposed) == Idle)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        base.Dispose(disposing);
    }

    private async Task AwaitWriteAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            EndWrite();
        }
    }

    private void EndWrite()
    {
        // The handler may send the body again (a retry on a fresh connection) until the call is over, so the
        // buffer goes back to the pool only once both the write and the content are done with it.
        if (Interlocked.CompareExchange(ref _state, Idle, Writing) == Disposed)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
