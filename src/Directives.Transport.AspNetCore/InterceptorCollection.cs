using System.Collections.ObjectModel;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server;

/// <summary>The server interceptors of the application or of one service.</summary>
public class InterceptorCollection : Collection<InterceptorRegistration>
{
    /// <summary>Adds an interceptor, resolved from DI per call or created with <paramref name="args"/>.</summary>
    public void Add<TInterceptor>(params object[] args)
        where TInterceptor : Interceptor => Add(typeof(TInterceptor), args);

    /// <summary>Adds an interceptor, resolved from DI per call or created with <paramref name="args"/>.</summary>
    public void Add(Type interceptorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(interceptorType);
        ArgumentNullException.ThrowIfNull(args);
        if (!typeof(Interceptor).IsAssignableFrom(interceptorType))
        {
            throw new ArgumentException("Type " + interceptorType + " is not a " + typeof(Interceptor) + ".", nameof(interceptorType));
        }

        Add(new InterceptorRegistration(interceptorType, args));
    }
}
