namespace Grpc.Core.Interceptors;

public static class CallInvokerExtensions
{
    /// <summary>An invoker that runs calls through <paramref name="interceptor"/> first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptor);
        return new InterceptingCallInvoker(invoker, interceptor);
    }

    /// <summary>An invoker that runs calls through the interceptors, the first one outermost.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = invoker.Intercept(interceptors[i]);
        }

        return invoker;
    }

    /// <summary>An invoker that rewrites every call's request metadata.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor) =>
        invoker.Intercept(new MetadataInterceptor(interceptor ?? throw new ArgumentNullException(nameof(interceptor))));
}

public static class ChannelExtensions
{
    public static CallInvoker Intercept(this ChannelBase channel, Interceptor interceptor) =>
        channel.CreateCallInvoker().Intercept(interceptor);

    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors) =>
        channel.CreateCallInvoker().Intercept(interceptors);

    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> interceptor) =>
        channel.CreateCallInvoker().Intercept(interceptor);
}
