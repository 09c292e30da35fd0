using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServiceActivator<TService> _activator;
    private readonly Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> _serviceMethod;
    private readonly ClientStreamingServerMethod<TRequest, TResponse> _pipeline;

    public ClientStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        ServerCallSettings settings,
        ServiceActivator<TService> activator,
        Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> serviceMethod,
        InterceptorActivator[] interceptors)
        : base(method, settings)
    {
        _method = method;
        _activator = activator;
        _serviceMethod = serviceMethod;
        _pipeline = interceptors.Length == 0 ? InvokeService : InterceptorStage<TRequest, TResponse>.Build(interceptors, InvokeService);
    }

    protected override bool StreamingRequest => true;

    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        try
        {
            var requestStream = new HttpContextStreamReader<TRequest>(context, _method.RequestMarshaller.ContextualDeserializer);
            var response = await _pipeline(requestStream, context) ?? throw new RpcException(MessageStatus.NoResponseMessage);
            if (context.Status.StatusCode == StatusCode.OK && context.TryEnterResponse())
            {
                try
                {
                    context.WriteMessage(response, _method.ResponseMarshaller.ContextualSerializer);
                }
                finally
                {
                    context.ExitResponse();
                }
            }

            // A handler may answer before the client half-closes; Kestrel then ends the request stream
            // with RST_STREAM(NO_ERROR) after the response, discarding the rest of the body.
            await context.CompleteAsync();
        }
        catch (Exception exception)
        {
            await context.CompleteAsync(exception);
        }
    }

    private Task<TResponse> InvokeService(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        var service = _activator.Create(context.GetHttpContext());
        return service.NeedsRelease
            ? InvokeAndReleaseAsync(service, requestStream, context)
            : _serviceMethod(service.Instance, requestStream, context);
    }

    private async Task<TResponse> InvokeAndReleaseAsync(ActivatedInstance<TService> service, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        try
        {
            return await _serviceMethod(service.Instance, requestStream, context);
        }
        finally
        {
            await service.ReleaseAsync();
        }
    }
}
