using System.Collections.Concurrent;
using Directives.Data;
using Directives.Server.Tenancy;

namespace Directives.Server.Hosting;

/// <summary>
/// Migrates the database of every province of the registry that is not disabled. Used on startup
/// (<see cref="ProvinceDatabaseStartup"/>) and by the <c>migrate</c> command (<see cref="MigrateCommand"/>),
/// which a Kubernetes pre-install/pre-upgrade Job runs once per release.
/// </summary>
internal sealed partial class ProvinceMigrations(
    IProvinceRegistry registry, ProvinceDatabaseMigrator migrator, ILogger<ProvinceMigrations> logger)
{
    // SQLite files are independent; PostgreSQL servers take a few concurrent migrations without strain.
    private const int Parallelism = 4;

    /// <summary>
    /// Migrates each province; a province whose database fails is logged and left, the others go on.
    /// Returns the provinces migrated and how many were attempted.
    /// </summary>
    public async Task<(IReadOnlyCollection<string> Migrated, int Count)> MigrateAllAsync(CancellationToken cancellationToken)
    {
        var provinces = (await registry.ListAsync(cancellationToken)).Where(p => p.State != ProvinceState.Disabled).ToList();
        var migrated = new ConcurrentBag<string>();
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
        return (migrated, provinces.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated the databases of {Migrated} of {Count} provinces.")]
    private static partial void LogMigrated(ILogger logger, int migrated, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database of province {ProvinceId} could not be migrated; its calls will fail until it is.")]
    private static partial void LogMigrationFailed(ILogger logger, string provinceId, Exception exception);
}
