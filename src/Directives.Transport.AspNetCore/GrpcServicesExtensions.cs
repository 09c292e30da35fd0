using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcServicesExtensions
{
    /// <summary>
    /// Adds gRPC services. Kestrel endpoints default to HTTP/2 only, so an <c>http://</c> URL serves
    /// h2c (prior knowledge) and an <c>https://</c> URL negotiates h2 by ALPN; see <see cref="KestrelHttp2Defaults"/>.
    /// </summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions();
        services.AddMetrics();
        services.TryAddSingleton<GrpcEndpointRegistry>();
        services.TryAddSingleton<GrpcServerMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<KestrelServerOptions>, KestrelHttp2Defaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, UnimplementedEndpointPruningPolicy>());
        return new GrpcServerBuilder(services);
    }

    /// <summary>Adds gRPC services and configures the options every service starts from.</summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        var builder = services.AddGrpc();
        services.Configure(configureOptions);
        return builder;
    }
}
