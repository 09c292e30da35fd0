using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Directives.Bench.Transport.Server;

/// <summary>
/// The ceiling: plain Kestrel HTTP/2 doing no gRPC work. It reads the whole request body, then writes the
/// bytes the gRPC service would (the same headers, the echo's frame or, for the stream path, 1 KiB frames
/// flushed one by one until the client goes away) and the same <c>grpc-status: 0</c> trailer.
/// </summary>
internal sealed class RawEndpoint
{
    // What the gRPC server puts in every response (checked byte for byte against it before each run).
    private const string GrpcAcceptEncoding = "identity,gzip";

    private readonly byte[] _echoFrame = Payloads.Frame(Payloads.EchoReply);
    private readonly byte[] _chunkFrame = Payloads.Frame(Payloads.StreamChunk);

    public async Task HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        var response = context.Response;
        response.ContentType = "application/grpc";
        response.Headers.GrpcAcceptEncoding = GrpcAcceptEncoding;
        if (context.Request.Path.Value == Payloads.StreamPath)
        {
            await StreamAsync(context);
        }
        else
        {
            response.BodyWriter.Write(_echoFrame);
        }

        context.Features.Get<IHttpResponseTrailersFeature>()!.Trailers.GrpcStatus = "0";
    }

    private async Task StreamAsync(HttpContext context)
    {
        var writer = context.Response.BodyWriter;
        var aborted = context.RequestAborted;
        while (!aborted.IsCancellationRequested)
        {
            writer.Write(_chunkFrame);
            var flush = await writer.FlushAsync();
            if (flush.IsCompleted || flush.IsCanceled)
            {
                return;
            }
        }
    }
}
