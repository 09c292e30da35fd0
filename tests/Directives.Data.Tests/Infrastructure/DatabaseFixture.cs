using Directives.Testing.Postgres;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL server and one SQLite folder for the whole test run; each test gets its own
/// province database in them (<see cref="CreateProvinceAsync"/>). A missing PostgreSQL fails the tests.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _sqliteRoot = Path.Combine(Path.GetTempPath(), "directives-data-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresServer? _postgres;
    private int _provinces;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_sqliteRoot);
        _postgres = await PostgresServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Delete(_sqliteRoot, recursive: true);
    }

    /// <summary>A new, empty province database, migrated unless <paramref name="migrate"/> is false.</summary>
    public async Task<TestProvince> CreateProvinceAsync(StorageTarget target, bool migrate = true, TimeProvider? timeProvider = null)
    {
        var provinceId = $"p{Interlocked.Increment(ref _provinces)}-{Guid.NewGuid().ToString("N")[..6]}";
        var province = TestProvince.Create(target, provinceId, _sqliteRoot, _postgres, timeProvider ?? TimeProvider.System);
        if (migrate)
        {
            await province.Migrator.MigrateAsync(provinceId, CancellationToken.None);
        }

        return province;
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "Databases";
}
