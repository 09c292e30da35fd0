using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal.CallHandlers;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse> : ServerCallHandler
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly ServiceActivator<TService> _activator;
    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _serviceMethod;
    private readonly UnaryServerMethod<TRequest, TResponse> _pipeline;

    public UnaryServerCallHandler(
        Method<TRequest, TResponse> method,
        ServerCallSettings settings,
        ServiceActivator<TService> activator,
        Func<TService, TRequest, ServerCallContext, Task<TResponse>> serviceMethod,
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
            var response = await _pipeline(request, context) ?? throw new RpcException(MessageStatus.NoResponseMessage);
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

            await context.CompleteAsync();
        }
        catch (Exception exception)
        {
            await context.CompleteAsync(exception);
        }
    }

    private Task<TResponse> InvokeService(TRequest request, ServerCallContext context)
    {
        var service = _activator.Create(context.GetHttpContext());
        return service.NeedsRelease
            ? InvokeAndReleaseAsync(service, request, context)
            : _serviceMethod(service.Instance, request, context);
    }

    private async Task<TResponse> InvokeAndReleaseAsync(ActivatedInstance<TService> service, TRequest request, ServerCallContext context)
    {
        try
        {
            return await _serviceMethod(service.Instance, request, context);
        }
        finally
        {
            await service.ReleaseAsync();
        }
    }
}
