using Microsoft.EntityFrameworkCore;

namespace Directives.Data;

/// <summary>
/// Creates a province's database if needed and applies the migrations it lacks. Idempotent: applied
/// migrations are recorded in the database, and EF holds a migration lock (an advisory lock in
/// PostgreSQL, a lock row in SQLite) so that replicas starting together do not migrate twice.
/// </summary>
public sealed class ProvinceDatabaseMigrator(IProvinceDbContextFactory factory)
{
    public async Task MigrateAsync(string provinceId, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateAsync(provinceId, cancellationToken);
        if (context.Database.IsSqlite())
        {
            // Persistent in the file: readers no longer wait for the writer.
            await context.Database.OpenConnectionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The migrations not yet applied to the province's database (all of them for a database that does not exist).</summary>
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(string provinceId, CancellationToken cancellationToken)
    {
        await using var context = await factory.CreateAsync(provinceId, cancellationToken);
        return (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
    }
}
