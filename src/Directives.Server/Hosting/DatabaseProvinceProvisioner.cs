using System.Data.Common;
using Directives.Data;
using Directives.Data.Errors;
using Directives.Server.Tenancy;

namespace Directives.Server.Hosting;

/// <summary>
/// Creates and migrates the database of a province registered at runtime (CreateProvince), through the
/// Data layer's migrator, so that the new tenant answers calls without a restart.
/// </summary>
internal sealed class DatabaseProvinceProvisioner(
    IConfiguration configuration, IProvinceDbContextFactory factory, ProvinceDatabaseMigrator migrator) : IProvinceProvisioner
{
    public async Task CheckAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(province);
        if (province.StorageLocation is { } location && string.IsNullOrEmpty(configuration.GetConnectionString(location)))
        {
            throw new UnknownStorageLocationException(location);
        }

        try
        {
            // Resolving the connection is the check that writes nothing: PostgreSQL without a connection
            // string for the province fails here. The database itself may not exist yet.
            await using var context = await factory.CreateAsync(province.Id, cancellationToken);
        }
        catch (StorageException exception)
        {
            throw new ProvinceStorageUnavailableException(province.Id, exception.Message, exception);
        }
    }

    public async Task ProvisionAsync(ProvinceRecord province, CancellationToken cancellationToken)
    {
        await CheckAsync(province, cancellationToken);
        try
        {
            await migrator.MigrateAsync(province.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or StorageException or IOException or InvalidOperationException)
        {
            throw new ProvinceStorageUnavailableException(province.Id, $"The database of province {province.Id} could not be created or migrated.", exception);
        }
    }
}
