using System.Net;
using Grpc.Core.Protocol;

namespace Grpc.Net.Client;

/// <summary>
/// The body of a client- or duplex-streaming call. The handler hands over the request stream when it starts
/// sending the body; the call's writer then writes messages to it, and the body ends (END_STREAM, the
/// half-close) when the writer completes.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation(GrpcProtocolConstants.ContentTypeHeader, GrpcProtocolConstants.GrpcContentType);
    }

    /// <summary>The request stream, once the handler is sending the body.</summary>
    public Task<Stream> GetStreamAsync() => _stream.Task;

    /// <summary>Ends the body normally: the handler sends END_STREAM.</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Abandons the body: the handler resets the stream if it is still open.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Send the request headers now rather than with the first message: the server may answer before the
        // client writes anything, and a duplex client may wait for that answer before writing.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.TrySetResult(stream);

        // The handler cancels this token when it stops sending the body, e.g. once the server has ended the
        // call while the client was still streaming.
        using var registration = cancellationToken.UnsafeRegister(static state => ((StreamingRequestContent)state!).Abort(), this);
        await _completed.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
