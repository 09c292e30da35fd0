using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// One interceptor in a method's pipeline, built once at startup: per call it only activates the
/// interceptor and hands it the next stage, so no closure is allocated per call.
/// </summary>
internal sealed class InterceptorStage<TRequest, TResponse>(InterceptorActivator activator)
    where TRequest : class
    where TResponse : class
{
    public static UnaryServerMethod<TRequest, TResponse> Build(InterceptorActivator[] activators, UnaryServerMethod<TRequest, TResponse> terminal)
    {
        var next = terminal;
        for (var i = activators.Length - 1; i >= 0; i--)
        {
            next = new InterceptorStage<TRequest, TResponse>(activators[i]) { _unaryNext = next }.UnaryAsync;
        }

        return next;
    }

    public static ClientStreamingServerMethod<TRequest, TResponse> Build(InterceptorActivator[] activators, ClientStreamingServerMethod<TRequest, TResponse> terminal)
    {
        var next = terminal;
        for (var i = activators.Length - 1; i >= 0; i--)
        {
            next = new InterceptorStage<TRequest, TResponse>(activators[i]) { _clientStreamingNext = next }.ClientStreamingAsync;
        }

        return next;
    }

    public static ServerStreamingServerMethod<TRequest, TResponse> Build(InterceptorActivator[] activators, ServerStreamingServerMethod<TRequest, TResponse> terminal)
    {
        var next = terminal;
        for (var i = activators.Length - 1; i >= 0; i--)
        {
            next = new InterceptorStage<TRequest, TResponse>(activators[i]) { _serverStreamingNext = next }.ServerStreamingAsync;
        }

        return next;
    }

    public static DuplexStreamingServerMethod<TRequest, TResponse> Build(InterceptorActivator[] activators, DuplexStreamingServerMethod<TRequest, TResponse> terminal)
    {
        var next = terminal;
        for (var i = activators.Length - 1; i >= 0; i--)
        {
            next = new InterceptorStage<TRequest, TResponse>(activators[i]) { _duplexStreamingNext = next }.DuplexStreamingAsync;
        }

        return next;
    }

    private UnaryServerMethod<TRequest, TResponse>? _unaryNext;
    private ClientStreamingServerMethod<TRequest, TResponse>? _clientStreamingNext;
    private ServerStreamingServerMethod<TRequest, TResponse>? _serverStreamingNext;
    private DuplexStreamingServerMethod<TRequest, TResponse>? _duplexStreamingNext;

    private Task<TResponse> UnaryAsync(TRequest request, ServerCallContext context)
    {
        var interceptor = activator.Create(context.GetHttpContext().RequestServices);
        return interceptor.NeedsRelease
            ? UnaryAndReleaseAsync(interceptor, request, context)
            : interceptor.Instance.UnaryServerHandler(request, context, _unaryNext!);
    }

    private Task<TResponse> ClientStreamingAsync(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        var interceptor = activator.Create(context.GetHttpContext().RequestServices);
        return interceptor.NeedsRelease
            ? ClientStreamingAndReleaseAsync(interceptor, requestStream, context)
            : interceptor.Instance.ClientStreamingServerHandler(requestStream, context, _clientStreamingNext!);
    }

    private Task ServerStreamingAsync(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var interceptor = activator.Create(context.GetHttpContext().RequestServices);
        return interceptor.NeedsRelease
            ? ServerStreamingAndReleaseAsync(interceptor, request, responseStream, context)
            : interceptor.Instance.ServerStreamingServerHandler(request, responseStream, context, _serverStreamingNext!);
    }

    private Task DuplexStreamingAsync(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        var interceptor = activator.Create(context.GetHttpContext().RequestServices);
        return interceptor.NeedsRelease
            ? DuplexStreamingAndReleaseAsync(interceptor, requestStream, responseStream, context)
            : interceptor.Instance.DuplexStreamingServerHandler(requestStream, responseStream, context, _duplexStreamingNext!);
    }

    private async Task<TResponse> UnaryAndReleaseAsync(ActivatedInstance<Interceptor> interceptor, TRequest request, ServerCallContext context)
    {
        try
        {
            return await interceptor.Instance.UnaryServerHandler(request, context, _unaryNext!);
        }
        finally
        {
            await interceptor.ReleaseAsync();
        }
    }

    private async Task<TResponse> ClientStreamingAndReleaseAsync(ActivatedInstance<Interceptor> interceptor, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    {
        try
        {
            return await interceptor.Instance.ClientStreamingServerHandler(requestStream, context, _clientStreamingNext!);
        }
        finally
        {
            await interceptor.ReleaseAsync();
        }
    }

    private async Task ServerStreamingAndReleaseAsync(ActivatedInstance<Interceptor> interceptor, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await interceptor.Instance.ServerStreamingServerHandler(request, responseStream, context, _serverStreamingNext!);
        }
        finally
        {
            await interceptor.ReleaseAsync();
        }
    }

    private async Task DuplexStreamingAndReleaseAsync(ActivatedInstance<Interceptor> interceptor, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    {
        try
        {
            await interceptor.Instance.DuplexStreamingServerHandler(requestStream, responseStream, context, _duplexStreamingNext!);
        }
        finally
        {
            await interceptor.ReleaseAsync();
        }
    }
}
