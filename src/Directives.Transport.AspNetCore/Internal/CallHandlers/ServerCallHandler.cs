using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

/// <summary>The endpoint of one gRPC method: validates the request, sets up the call and runs its kind's flow.</summary>
internal abstract class ServerCallHandler(IMethod method, ServerCallSettings settings)
{
    public IMethod Method { get; } = method;

    protected ServerCallSettings Settings { get; } = settings;

    /// <summary>Client- and duplex-streaming calls may keep the request body open indefinitely.</summary>
    protected abstract bool StreamingRequest { get; }

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidation.TryValidate(httpContext, Settings.Logger))
        {
            return Task.CompletedTask;
        }

        var context = new HttpContextServerCallContext(httpContext, Settings, Method.FullName);
        context.Initialize(StreamingRequest);
        return HandleCallCoreAsync(context);
    }

    /// <summary>Runs the call to its end; never throws, every failure becomes the call's status.</summary>
    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext context);
}
