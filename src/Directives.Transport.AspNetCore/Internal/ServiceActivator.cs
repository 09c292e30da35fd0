using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Gets a service instance per call, as gRPC for .NET does: from DI when the application registered the
/// type (any lifetime), otherwise created from the request's scope with a factory compiled once.
/// </summary>
internal sealed class ServiceActivator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>
    where TService : class
{
    private static readonly bool IsDisposable = typeof(IDisposable).IsAssignableFrom(typeof(TService)) || typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService));

    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);

    public ActivatedInstance<TService> Create(IServiceProvider services)
    {
        var service = services.GetService<TService>();
        return service is not null
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
