using Directives.Server.Auth;
using Directives.Server.RateLimiting;
using Directives.Server.Tenancy;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers tenancy: the province registry, authentication, tenant resolution, authorization and abuse limits.</summary>
internal static class TenancyServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything behind <c>app.UseDirectivesTenancy()</c> and the tenant interceptor that every
    /// gRPC service runs. Configuration: <c>Auth</c>, <c>Provinces</c>, <c>RateLimiting</c>, <c>Limits</c>.
    /// The server refuses to start (options validation) with the Development key outside Development.
    /// </summary>
    public static IServiceCollection AddDirectivesTenancy(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.TryAddSingleton(TimeProvider.System);
        AddAuthentication(services, configuration, environment);
        AddRegistry(services, configuration);
        AddTenantResolution(services);
        AddLimits(services, configuration);
        return services;
    }

    private static void AddAuthentication(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton<TokenValidator>();
        services.TryAddSingleton<ClientCertificateIdentities>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<KestrelServerOptions>, KestrelClientCertificateSetup>());
        services.AddAuthentication(CallerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CallerAuthenticationHandler>(CallerAuthenticationHandler.SchemeName, configureOptions: null);

        if (environment.IsDevelopment() && !string.IsNullOrEmpty(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.DevelopmentKey)}"]))
        {
            services.TryAddSingleton(provider =>
            {
                var auth = provider.GetRequiredService<IOptions<AuthOptions>>().Value;
                return new DevelopmentTokenIssuer(auth.DevelopmentKey!, auth.Issuer!, auth.Audience!, provider.GetRequiredService<TimeProvider>());
            });
        }
    }

    private static void AddRegistry(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProvinceRegistryOptions>().Bind(configuration.GetSection(ProvinceRegistryOptions.SectionName));
        if (!string.IsNullOrEmpty(configuration[$"{ProvinceRegistryOptions.SectionName}:{nameof(ProvinceRegistryOptions.ControlDatabase)}"]))
        {
            // Several replicas: the control table, shared, kept current on each by the listener.
            services.TryAddSingleton<PostgresProvinceRegistry>();
            services.TryAddSingleton<IProvinceRegistry>(provider => provider.GetRequiredService<PostgresProvinceRegistry>());
            services.AddHostedService<ProvinceRegistryListener>();
        }

        services.TryAddSingleton<IProvinceRegistry, JsonProvinceRegistry>();
        services.TryAddSingleton<IProvinceProvisioner, DeferredProvinceProvisioner>();
        services.TryAddSingleton<ProvinceAdministration>();
    }

    private static void AddTenantResolution(IServiceCollection services)
    {
        services.TryAddSingleton(_ => MethodPolicies.CreateDefault());
        services.TryAddSingleton<TenantResolver>();
        services.TryAddSingleton<TenantInterceptor>();
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(provider => provider.GetRequiredService<TenantContext>());
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<TenantInterceptor>());
        services.AddHostedService<TenancyStartup>();
    }

    private static void AddLimits(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
        {
            if (limits.Value.Enabled)
            {
                options.GlobalLimiter = new CallerAndProvinceRateLimiter(limits.Value);
                options.OnRejected = GrpcRateLimitRejection.WriteAsync;
            }
        });

        services.AddOptions<KestrelRequestLimits>().Bind(configuration.GetSection(KestrelRequestLimits.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<KestrelServerOptions>, RequestLimitsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<GrpcServiceOptions>, RequestLimitsSetup>());
    }
}
