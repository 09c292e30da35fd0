using Directives.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL server and one SQLite folder for the whole test run; each test gets its own
/// province database in them (<see cref="CreateProvinceAsync"/>). A missing PostgreSQL fails the tests.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _sqliteRoot = Path.Combine(Path.GetTempPath(), "directives-data-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresServer? _postgres;
    private const string TemplateId = "template";
    private int _provinces;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_sqliteRoot);
        _postgres = await PostgresServer.StartAsync();

        // One migrated database per provider, copied for each test: far cheaper than migrating each one.
        // The migrations themselves are exercised by MigrationSchemaTests on fresh databases.
        foreach (var target in Enum.GetValues<StorageTarget>())
        {
            var template = TestProvince.Create(target, TemplateId, _sqliteRoot, _postgres, TimeProvider.System);
            await template.Migrator.MigrateAsync(TemplateId, CancellationToken.None);
            await using var db = await template.OpenAsync();
            if (target == StorageTarget.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Delete(_sqliteRoot, recursive: true);
    }

    /// <summary>A new, empty province database: a copy of the migrated template, or nothing at all when <paramref name="migrate"/> is false.</summary>
    public async Task<TestProvince> CreateProvinceAsync(StorageTarget target, bool migrate = true, TimeProvider? timeProvider = null)
    {
        var provinceId = $"p{Interlocked.Increment(ref _provinces)}-{Guid.NewGuid().ToString("N")[..6]}";
        var province = TestProvince.Create(target, provinceId, _sqliteRoot, _postgres, timeProvider ?? TimeProvider.System);
        if (migrate && target == StorageTarget.Sqlite)
        {
            File.Copy(Path.Combine(_sqliteRoot, TemplateId + ".db"), Path.Combine(_sqliteRoot, provinceId + ".db"));
        }
        else if (migrate)
        {
            await using var connection = new NpgsqlConnection(Postgres.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"directives_{provinceId}\" TEMPLATE \"directives_{TemplateId}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return province;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Databases";
}
