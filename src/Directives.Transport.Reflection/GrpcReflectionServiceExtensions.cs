using Grpc.AspNetCore.Server.Reflection;
using Grpc.AspNetCore.Server.Reflection.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcReflectionServiceExtensions
{
    /// <summary>
    /// Adds server reflection (grpc.reflection.v1 and v1alpha) over the services mapped with
    /// <c>MapGrpcService</c>; options are read from the <c>Grpc:Reflection</c> configuration section.
    /// </summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcReflectionOptions>().BindConfiguration(GrpcReflectionOptions.ConfigurationSection);
        services.TryAddSingleton<ReflectionRequestHandler>();
        services.TryAddSingleton<ReflectionServiceV1>();
        services.TryAddSingleton<ReflectionServiceV1Alpha>();
        return services;
    }
}
