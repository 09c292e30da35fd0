using Directives.Data;
using Directives.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the province databases: <see cref="IProvinceDbContextFactory"/>, <see cref="ProvinceDatabaseMigrator"/>
    /// and <see cref="IProvinceDatabaseCatalog"/>, configured from the <c>Storage</c> section (see <see cref="StorageOptions"/>).
    /// </summary>
    public static IServiceCollection AddDirectivesData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.IdempotencyRetention >= TimeSpan.FromHours(24), "Storage:IdempotencyRetention must be at least 24 hours (the API promises it).")
            .Validate(o => o.SoftDeleteRetention > TimeSpan.Zero, "Storage:SoftDeleteRetention must be positive.")
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.DataDirectory), "Storage:DataDirectory is required for Sqlite.")
            .Validate(
                o => o.Provider != StorageProvider.PostgreSql || o.ConnectionStrings.Count > 0 || !string.IsNullOrWhiteSpace(o.ConnectionStringTemplate),
                "PostgreSql needs Storage:ConnectionStrings:{province} entries or Storage:ConnectionStringTemplate.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProvinceDbContextFactory, ProvinceDbContextFactory>();
        services.TryAddSingleton<ProvinceDatabaseMigrator>();
        services.TryAddSingleton<IProvinceDatabaseCatalog, ProvinceDatabaseCatalog>();
        return services;
    }
}
