using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.HealthChecks.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcHealthChecksServiceExtensions
{
    /// <summary>
    /// Adds the gRPC health service over ASP.NET Core health checks, with <c>""</c> (the whole server)
    /// mapped to every check; options are also read from the <c>Grpc:HealthChecks</c> configuration section.
    /// Returns the health checks builder, to add checks to.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services) =>
        services.AddGrpcHealthChecks(static _ => { });

    /// <summary>As <see cref="AddGrpcHealthChecks(IServiceCollection)"/>, then applies <paramref name="configure"/>.</summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // The default mapping comes first so that configure can replace or remove it.
        services.Configure<GrpcHealthChecksOptions>(static options => options.Services.Map("", static _ => true));
        services.AddOptions<GrpcHealthChecksOptions>().BindConfiguration(GrpcHealthChecksOptions.ConfigurationSection);
        services.Configure(configure);
        services.TryAddSingleton<HealthStatusEvaluator>();
        services.TryAddSingleton<HealthReportMonitor>();
        services.AddHostedService(static provider => provider.GetRequiredService<HealthReportMonitor>());
        services.TryAddSingleton<HealthServiceImpl>();
        return services.AddHealthChecks();
    }
}
