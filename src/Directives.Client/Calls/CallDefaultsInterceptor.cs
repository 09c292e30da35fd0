using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Directives.Client.Calls;

/// <summary>Adds the token, the province and a default deadline to every call that lacks them.</summary>
internal sealed class CallDefaultsInterceptor(DirectivesClientOptions options) : Interceptor
{
    public const string ProvinceKey = "x-province";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context, deadline: false));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
        => continuation(request, WithDefaults(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(WithDefaults(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
        => continuation(WithDefaults(context, deadline: false));

    // Streams (watches, exports) are long-lived by design: no default deadline for them.
    private ClientInterceptorContext<TRequest, TResponse> WithDefaults<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool deadline = true)
        where TRequest : class
        where TResponse : class
    {
        var callOptions = context.Options;
        var headers = new Metadata();
        if (callOptions.Headers is { } given)
        {
            foreach (var entry in given)
            {
                headers.Add(entry);
            }
        }

        if (options.Token is { Length: > 0 } token && headers.Get("authorization") is null)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        if (options.Province is { Length: > 0 } province && headers.Get(ProvinceKey) is null)
        {
            headers.Add(ProvinceKey, province);
        }

        callOptions = callOptions.WithHeaders(headers);
        if (deadline && callOptions.Deadline is null && options.DefaultDeadline > TimeSpan.Zero)
        {
            callOptions = callOptions.WithDeadline(options.TimeProvider.GetUtcNow().UtcDateTime + options.DefaultDeadline);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, callOptions);
    }
}
