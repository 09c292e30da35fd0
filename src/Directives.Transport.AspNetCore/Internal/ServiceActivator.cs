using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Gets a service instance per call, as gRPC for .NET does: from DI when the application registered the
/// type (any lifetime), otherwise created per call from the request's scope with a factory compiled once.
/// An unregistered service whose only constructor takes nothing is created without the request scope,
/// since the scope costs about 200 bytes per call and it could inject nothing from it.
/// </summary>
internal sealed class ServiceActivator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>
    where TService : class
{
    private static readonly bool IsDisposable = typeof(IDisposable).IsAssignableFrom(typeof(TService)) || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
    private readonly bool _isRegistered;
    private readonly IServiceProvider? _scopeFreeServices;

    public ServiceActivator(IServiceProvider rootServices)
    {
        _isRegistered = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? true;
        var constructors = typeof(TService).GetConstructors();
        if (!_isRegistered && constructors.Length == 1 && constructors[0].GetParameters().Length == 0)
        {
            _scopeFreeServices = rootServices;
        }
    }

    public ActivatedInstance<TService> Create(HttpContext httpContext)
    {
        if (_scopeFreeServices is not null)
        {
            return new ActivatedInstance<TService>((TService)_factory(_scopeFreeServices, null), IsDisposable);
        }

        var services = httpContext.RequestServices;
        return _isRegistered && services.GetService<TService>() is { } service
            ? new ActivatedInstance<TService>(service, NeedsRelease: false)
            : new ActivatedInstance<TService>((TService)_factory(services, null), IsDisposable);
    }
}

/// <summary>An instance for one call; <see cref="NeedsRelease"/> when this call created it and must dispose it.</summary>
internal readonly record struct ActivatedInstance<T>(T Instance, bool NeedsRelease)
    where T : class
{
    public ValueTask ReleaseAsync()
    {
        if (Instance is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        ((IDisposable)Instance).Dispose();
        return default;
    }
}
