using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Data.Storage;
using Directives.Data.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Directives.Data.Tests;

/// <summary>Configuration, DI registration, the province catalogue and id checks.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ServicesTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task AddDirectivesData_binds_the_storage_section(StorageTarget target)
    {
        var folder = Path.Combine(Path.GetTempPath(), "directives-di-" + Guid.NewGuid().ToString("N")[..8]);
        var prefix = "di" + Guid.NewGuid().ToString("N")[..6] + "_";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = target == StorageTarget.Sqlite ? "Sqlite" : "PostgreSql",
            ["Storage:DataDirectory"] = folder,
            ["Storage:ConnectionStringTemplate"] = fixture.Postgres.ConnectionString(prefix + StorageOptions.ProvincePlaceholder),
            ["Storage:IdempotencyRetention"] = "2.00:00:00",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDirectivesData(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(target == StorageTarget.Sqlite ? StorageProvider.Sqlite : StorageProvider.PostgreSql, options.Provider);
        Assert.Equal(TimeSpan.FromDays(2), options.IdempotencyRetention);

        await services.GetRequiredService<ProvinceDatabaseMigrator>().MigrateAsync("hung-yen", CancellationToken.None);
        await services.GetRequiredService<ProvinceDatabaseMigrator>().MigrateAsync("tien-giang", CancellationToken.None);
        Assert.Equal(target == StorageTarget.Sqlite, File.Exists(Path.Combine(folder, "hung-yen.db")));
        Assert.Equal(["hung-yen", "tien-giang"], await services.GetRequiredService<IProvinceDatabaseCatalog>().ListProvincesAsync(CancellationToken.None));
        await using (var db = await services.GetRequiredService<IProvinceDbContextFactory>().CreateAsync("hung-yen", CancellationToken.None))
        {
            Assert.Equal("hung-yen", db.ProvinceId);
            Assert.Equal(0, await db.ChangeLog.HeadAsync(CancellationToken.None));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Retention_below_a_day_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:IdempotencyRetention"] = "12:00:00",
        }).Build();
        using var services = new ServiceCollection().AddDirectivesData(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    [Fact]
    public async Task The_postgresql_catalogue_lists_configured_and_templated_databases()
    {
        var province = await fixture.CreateProvinceAsync(StorageTarget.PostgreSql);
        var options = new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionStringTemplate = province.Options.ConnectionStringTemplate,
            ConnectionStrings = { ["legacy-ha-tay"] = fixture.Postgres.ConnectionString("legacy") },
        };
        var catalog = new ProvinceDatabaseCatalog(new StaticMonitor(options));

        var provinces = await catalog.ListProvincesAsync(CancellationToken.None);

        Assert.Contains(province.ProvinceId, provinces);
        Assert.Contains("legacy-ha-tay", provinces);
        Assert.Equal(provinces.Order(StringComparer.Ordinal), provinces);
    }

    [Fact]
    public async Task Ids_that_are_not_resource_ids_never_reach_a_path_or_connection_string()
    {
        var province = await fixture.CreateProvinceAsync(StorageTarget.Sqlite, migrate: false);
        await Assert.ThrowsAsync<ArgumentException>(() => province.Factory.CreateAsync("../etc/passwd", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => province.Factory.CreateAsync("Hung-Yen", CancellationToken.None));
        var unconfigured = new ProvinceDbContextFactory(new StaticMonitor(new StorageOptions { Provider = StorageProvider.PostgreSql }), TimeProvider.System);
        Assert.Equal("hung-yen", (await Assert.ThrowsAsync<ProvinceDatabaseNotConfiguredException>(() => unconfigured.CreateAsync("hung-yen", CancellationToken.None))).ProvinceId);
    }

    [Fact]
    public void Server_assigned_ids_round_trip_through_guids()
    {
        for (var i = 0; i < 100; i++)
        {
            var id = Guid.NewGuid();
            var resourceId = ResourceIds.FromGuid(id);
            Assert.True(ResourceIds.IsValid(resourceId));
            Assert.Equal(26, resourceId.Length);
            Assert.True(ResourceIds.TryGetGuid(resourceId, out var back));
            Assert.Equal(id, back);
        }

        Assert.False(ResourceIds.TryGetGuid("cong-an-tinh", out _));
        Assert.True(ResourceIds.IsValid(ResourceIds.New()));
        Assert.False(ResourceIds.IsValid("-leading"));
        Assert.False(ResourceIds.IsValid(new string('a', 64)));
    }

    private sealed class StaticMonitor(StorageOptions value) : IOptionsMonitor<StorageOptions>
    {
        public StorageOptions CurrentValue => value;

        public StorageOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<StorageOptions, string?> listener) => null;
    }
}
