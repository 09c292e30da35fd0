using Directives.Data;
using Directives.Data.Storage;
using Directives.Server.DemoData;
using Directives.Server.Tenancy;
using Microsoft.Extensions.Options;

namespace Directives.Server.Hosting;

/// <summary>
/// Before the server accepts calls, migrates the database of every province of the registry that is
/// not disabled, then seeds the demo data into the four first provinces where their databases are
/// still empty (see <see cref="DemoDataOptions"/>). A province whose database fails is logged and left:
/// its calls fail, the others are served.
/// </summary>
internal sealed partial class ProvinceDatabaseStartup(
    IProvinceRegistry registry,
    ProvinceDatabaseMigrator migrator,
    DemoDataSeeder seeder,
    IOptions<DemoDataOptions> demoData,
    IOptionsMonitor<StorageOptions> storage,
    ILogger<ProvinceDatabaseStartup> logger) : IHostedService
{
    // SQLite files are independent; PostgreSQL servers take a few concurrent migrations without strain.
    private const int Parallelism = 4;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provinces = (await registry.ListAsync(cancellationToken)).Where(p => p.State != ProvinceState.Disabled).ToList();
        var migrated = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            provinces,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (province, token) =>
            {
                try
                {
                    await migrator.MigrateAsync(province.Id, token);
                    migrated.Add(province.Id);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogMigrationFailed(logger, province.Id, exception);
                }
            });
        LogMigrated(logger, migrated.Count, provinces.Count);

        if (!demoData.Value.ShouldSeed(storage.CurrentValue.Provider))
        {
            return;
        }

        foreach (var provinceId in DemoDataSet.ProvinceIds.Where(migrated.Contains))
        {
            await seeder.SeedIfEmptyAsync(provinceId, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the databases of {Migrated} of {Count} provinces.")]
    private static partial void LogMigrated(ILogger logger, int migrated, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database of province {ProvinceId} could not be migrated; its calls will fail until it is.")]
    private static partial void LogMigrationFailed(ILogger logger, string provinceId, Exception exception);
}
