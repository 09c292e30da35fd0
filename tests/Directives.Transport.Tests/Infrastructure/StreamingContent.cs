using System.Net;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>
/// A request body the test writes while the call runs: frames go out as they are written, and
/// <see cref="Complete"/> half-closes (END_STREAM).
/// </summary>
public sealed class StreamingContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task WriteAsync(byte[] data, CancellationToken cancellationToken = default)
    {
        var stream = await _stream.Task.WaitAsync(cancellationToken);
        await stream.WriteAsync(data, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Ends the request body: the client half-closes.</summary>
    public void Complete() => _completed.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <summary>Honours the request's cancellation, so a cancelled call resets the stream (RST_STREAM).</summary>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
