using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Gets an interceptor per call: from DI when registered, otherwise created with its registration's arguments.</summary>
internal sealed class InterceptorActivator
{
    private readonly InterceptorRegistration _registration;
    private readonly object[] _arguments;
    private readonly ObjectFactory _factory;
    private readonly bool _isDisposable;

    public InterceptorActivator(InterceptorRegistration registration)
    {
        _registration = registration;
        _arguments = [.. registration.Arguments];
        var argumentTypes = new Type[_arguments.Length];
        for (var i = 0; i < argumentTypes.Length; i++)
        {
            argumentTypes[i] = _arguments[i].GetType();
        }

        _factory = ActivatorUtilities.CreateFactory(registration.Type, argumentTypes);
        _isDisposable = typeof(IDisposable).IsAssignableFrom(registration.Type) || typeof(IAsyncDisposable).IsAssignableFrom(registration.Type);
    }

    public ActivatedInstance<Interceptor> Create(IServiceProvider services)
    {
        var interceptor = (Interceptor?)services.GetService(_registration.Type);
        return interceptor is not null
            ? new ActivatedInstance<Interceptor>(interceptor, NeedsRelease: false)
            : new ActivatedInstance<Interceptor>((Interceptor)_factory(services, _arguments), _isDisposable);
    }
}
