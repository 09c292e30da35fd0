using Directives.Server.Telemetry;
using Grpc.AspNetCore.Server;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the server's OpenTelemetry: traces, metrics and logs per province, off unless configured.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK tied to the host (<see cref="DirectivesTelemetry"/>, <see cref="TelemetryLifetime"/>), the
    /// host's logging into it, the interceptor that tags each call with its province (after tenant
    /// resolution: call this after <c>AddDirectivesServer</c>) and the SQLite command spans. Configuration:
    /// the standard <c>OTEL_*</c> names and the <c>Telemetry</c> section (<see cref="TelemetryOptions"/>).
    /// </summary>
    public static IServiceCollection AddDirectivesTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton<DirectivesTelemetry>();
        services.AddHostedService<TelemetryLifetime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, TelemetryLoggerProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, DatabaseCommandTracing>());
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<CallTelemetryInterceptor>());
        services.TryAddSingleton<CallTelemetryInterceptor>();
        return services;
    }
}
