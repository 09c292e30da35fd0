using Grpc.Core;
using Grpc.Reflection.V1;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>: one response per request, in order.</summary>
internal sealed class ReflectionServiceV1 : ServerReflection.ServerReflectionBase
{
    private readonly ReflectionRequestHandler _handler;
    private readonly IOptionsMonitor<GrpcReflectionOptions> _options;

    public ReflectionServiceV1(ReflectionRequestHandler handler, IOptionsMonitor<GrpcReflectionOptions> options)
    {
        _handler = handler;
        _options = options;
    }

    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        ReflectionAvailability.ThrowIfDisabled(_options.CurrentValue);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            await responseStream.WriteAsync(_handler.Answer(requestStream.Current));
        }
    }
}
