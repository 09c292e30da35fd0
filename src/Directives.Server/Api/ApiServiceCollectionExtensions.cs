using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Server.Api;

/// <summary>Registers the API edge toolkit's services.</summary>
internal static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Page tokens (<see cref="PageTokens"/>, keys from <c>Api:PageTokens</c>) and the options of
    /// <see cref="ApiErrorInterceptor"/>, whose storage translations <paramref name="configureErrors"/> adds.
    /// </summary>
    public static IServiceCollection AddApiEdge(this IServiceCollection services, IConfiguration configuration, Action<ApiErrorOptions>? configureErrors = null)
    {
        services.AddOptions<PageTokenOptions>().Bind(configuration.GetSection(PageTokenOptions.SectionName));
        services.AddSingleton<PageTokens>();
        var errors = services.AddOptions<ApiErrorOptions>();
        if (configureErrors is not null)
        {
            errors.Configure(configureErrors);
        }

        return services;
    }
}
