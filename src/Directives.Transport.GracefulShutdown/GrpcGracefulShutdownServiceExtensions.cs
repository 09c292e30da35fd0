using Directives.Transport.GracefulShutdown.Internal;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcGracefulShutdownServiceExtensions
{
    /// <summary>
    /// Drains gRPC calls when the host stops (SIGTERM, Ctrl+C, <c>StopApplication()</c>): new calls get
    /// UNAVAILABLE; unary calls in flight run to completion; streaming calls see their CancellationToken
    /// fire and end with UNAVAILABLE; then Kestrel stops and the process exits 0. Everything is bounded by
    /// the host's shutdown timeout (configuration key <c>shutdownTimeoutSeconds</c>, default 30 s).
    /// The health service (<c>AddGrpcHealthChecks</c>) keeps answering, NOT_SERVING, while draining.
    /// </summary>
    public static IGrpcServerBuilder AddGrpcGracefulShutdown(this IGrpcServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<InFlightCalls>();
        services.TryAddSingleton<GrpcDrainInterceptor>();
        services.AddHostedService<GrpcDrainService>();
        services.Configure<GrpcServiceOptions>(static options =>
        {
            if (IsRegistered(options.Interceptors))
            {
                return;
            }

            // Outermost, so a refused call runs no other interceptor and every other one is drained too.
            options.Interceptors.Add<GrpcDrainInterceptor>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });
        return builder;
    }

    private static bool IsRegistered(InterceptorCollection interceptors)
    {
        foreach (var registration in interceptors)
        {
            if (registration.Type == typeof(GrpcDrainInterceptor))
            {
                return true;
            }
        }

        return false;
    }
}
