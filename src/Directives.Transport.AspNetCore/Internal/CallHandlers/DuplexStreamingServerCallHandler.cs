using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServiceActivator<TService> _activator;
    private readonly Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> _serviceMethod;
    private readonly DuplexStreamingServerMethod<TRequest, TResponse> _pipeline;

    public DuplexStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        ServerCallSettings settings,
        ServiceActivator<TService> activator,
        Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> serviceMethod,
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
            await _pipeline(
                new HttpContextStreamReader<TRequest>(context, _method.RequestMarshaller.ContextualDeserializer),
                new HttpContextStreamWriter<TResponse>(context, _method.ResponseMarshaller.ContextualSerializer),
                context);
            await context.CompleteAsync();
        }
        catch (Exception exception)
        {
            await context.CompleteAsync(exception);
        }
    }

    private Task InvokeService(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var service = _activator.Create(context.GetHttpContext());
        return service.NeedsRelease
            ? InvokeAndReleaseAsync(service, requestStream, responseStream, context)
            : _serviceMethod(service.Instance, requestStream, responseStream, context);
    }

    private async Task InvokeAndReleaseAsync(ActivatedInstance<TService> service, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await _serviceMethod(service.Instance, requestStream, responseStream, context);
        }
        finally
        {
            await service.ReleaseAsync();
        }
    }
}
