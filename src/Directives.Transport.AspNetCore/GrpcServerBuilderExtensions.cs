using Grpc.AspNetCore.Server;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcServerBuilderExtensions
{
    /// <summary>Configures one service's options, which start as a copy of the global ones.</summary>
    public static IGrpcServerBuilder AddServiceOptions<TService>(this IGrpcServerBuilder grpcBuilder, Action<GrpcServiceOptions<TService>> configure)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(grpcBuilder);
        ArgumentNullException.ThrowIfNull(configure);
        grpcBuilder.Services.Configure(configure);
        return grpcBuilder;
    }
}
