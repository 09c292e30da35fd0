using Directives.Server.Services.Agencies;
using Directives.Server.Services.Common;
using Directives.Server.Services.Directives;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the directives.v1 services share and need beyond their constructors' scoped tenant.</summary>
internal static class ApiServicesServiceCollectionExtensions
{
    public static IServiceCollection AddDirectivesApiServices(this IServiceCollection services)
    {
        services.TryAddSingleton<ProvinceFanOut>();
        services.TryAddSingleton<HistoryPages>();
        services.TryAddSingleton<DirectiveListing>();
        services.TryAddScoped<DirectiveWriter>();
        services.TryAddSingleton<AgencyListing>();
        services.TryAddScoped<AgencyWriter>();
        services.TryAddScoped<AgencyMerger>();
        return services;
    }
}
