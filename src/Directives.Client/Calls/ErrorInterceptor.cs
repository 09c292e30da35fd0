using Directives.Client.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Client.Calls;

/// <summary>Turns the <see cref="RpcException"/> of a failed unary call into its typed <see cref="DirectivesException"/>.</summary>
internal sealed class ErrorInterceptor : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Typed(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        try
        {
            return continuation(request, context);
        }
        catch (RpcException exception) when (exception is not DirectivesException)
        {
            throw DirectivesException.From(exception);
        }
    }

    private static async Task<TResponse> Typed<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException exception) when (exception is not DirectivesException)
        {
            throw DirectivesException.From(exception);
        }
    }
}
