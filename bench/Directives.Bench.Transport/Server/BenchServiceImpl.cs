using Directives.Bench.Transport.Protos;
using Grpc.Core;

namespace Directives.Bench.Transport.Server;

/// <summary>The benchmarked service: an echo, and a stream of ready-made 1 KiB chunks.</summary>
internal sealed class BenchServiceImpl : BenchService.BenchServiceBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Response = request.Request });

    public override async Task Stream(StreamRequest request, IServerStreamWriter<Chunk> responseStream, ServerCallContext context)
    {
        if (request.PayloadSize != Payloads.StreamPayloadSize)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "payload_size must be " + Payloads.StreamPayloadSize + "."));
        }

        var chunk = Payloads.StreamChunk;
        var token = context.CancellationToken;
        for (var i = 0; i < request.Count && !token.IsCancellationRequested; i++)
        {
            await responseStream.WriteAsync(chunk);
        }
    }
}
