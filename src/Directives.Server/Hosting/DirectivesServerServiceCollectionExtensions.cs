using Directives.Server.Api;
using Directives.Server.Hosting;
using Directives.Server.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the whole server: gRPC with its interceptors, tenancy, storage, the API services, health and reflection.</summary>
internal static class DirectivesServerServiceCollectionExtensions
{
    /// <remarks>
    /// Interceptors run in the order registered, outermost first:
    /// <list type="number">
    /// <item>graceful-shutdown drain (AddGrpcGracefulShutdown puts it first whatever the order of calls): a call
    /// refused while draining runs nothing else;</item>
    /// <item>API error mapping: every exception below it, tenant resolution's included, leaves as a rich status;</item>
    /// <item>tenant resolution and authorization (AddDirectivesTenancy): the service never runs for a refused call.</item>
    /// </list>
    /// </remarks>
    public static IServiceCollection AddDirectivesServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Registered before the layers that add the system clock only when none is there, so that a
        // test's clock, registered earlier still, wins over both.
        services.TryAddSingleton(TimeProvider.System);

        services.AddGrpc(options => options.Interceptors.Add<ApiErrorInterceptor>()).AddGrpcGracefulShutdown();
        services.AddApiEdge(configuration, StorageErrors.Register);

        // The provisioner that creates and migrates a province's database, before tenancy adds its stand-in.
        services.TryAddSingleton<IProvinceProvisioner, DatabaseProvinceProvisioner>();
        services.AddDirectivesTenancy(configuration, environment);
        services.AddDirectivesData(configuration);
        services.AddChangeNotifications();

        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.SectionName));
        services.TryAddSingleton<DemoDataSeeder>();
        services.TryAddSingleton<ProvinceMigrations>();
        services.AddHostedService<ProvinceDatabaseStartup>();

        services.AddDirectivesApiServices();

        // "" (readiness: the whole server, storage included) and "liveness" (no checks: the process answers),
        // so that a database outage takes replicas out of the Service instead of restarting them.
        services.AddGrpcHealthChecks(options => options.Services.Map(LivenessHealth.ServiceName, static _ => false))
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name);
        services.AddGrpcReflection();
        return services;
    }
}
