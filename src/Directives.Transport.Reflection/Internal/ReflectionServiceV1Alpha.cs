using Google.Protobuf;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, still what many tools ask first. Its messages are
/// wire-identical to v1's, so each request is answered by the v1 handler through the wire format.
/// </summary>
internal sealed class ReflectionServiceV1Alpha : ServerReflection.ServerReflectionBase
{
    private readonly ReflectionRequestHandler _handler;
    private readonly IOptionsMonitor<GrpcReflectionOptions> _options;

    public ReflectionServiceV1Alpha(ReflectionRequestHandler handler, IOptionsMonitor<GrpcReflectionOptions> options)
    {
        _handler = handler;
        _options = options;
    }

    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        ReflectionAvailability.ThrowIfDisabled(_options.CurrentValue);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = Grpc.Reflection.V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = _handler.Answer(request);
            await responseStream.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
        }
    }
}
