using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServiceActivator<TService> _activator;
    private readonly Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> _serviceMethod;
    private readonly ServerStreamingServerMethod<TRequest, TResponse> _pipeline;

    public ServerStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        ServerCallSettings settings,
        ServiceActivator<TService> activator,
        Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> serviceMethod,
        InterceptorActivator[] interceptors)
        : base(method, settings)
    {
        _method = method;
        _activator = activator;
        _serviceMethod = serviceMethod;
        _pipeline = interceptors.Length == 0 ? InvokeService : InterceptorStage<TRequest, TResponse>.Build(interceptors, InvokeService);
    }

    protected override bool StreamingRequest => false;

    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        try
        {
            var request = await MessageReader.ReadSingleMessageAsync(context, _method.RequestMarshaller.ContextualDeserializer);
            await _pipeline(request, new HttpContextStreamWriter<TResponse>(context, _method.ResponseMarshaller.ContextualSerializer), context);
            await context.CompleteAsync();
        }
        catch (Exception exception)
        {
            await context.CompleteAsync(exception);
        }
    }

    private Task InvokeService(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var service = _activator.Create(context.GetHttpContext());
        return service.NeedsRelease
            ? InvokeAndReleaseAsync(service, request, responseStream, context)
            : _serviceMethod(service.Instance, request, responseStream, context);
    }

    private async Task InvokeAndReleaseAsync(ActivatedInstance<TService> service, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await _serviceMethod(service.Instance, request, responseStream, context);
        }
        finally
        {
            await service.ReleaseAsync();
        }
    }
}
