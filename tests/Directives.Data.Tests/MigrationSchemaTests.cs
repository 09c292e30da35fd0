using Directives.Data.Changes;
using Directives.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>
/// The hand-written migrations produce exactly the schema EF derives from the model (the proof behind
/// ignoring EF's PendingModelChangesWarning), and applying them again changes nothing.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class MigrationSchemaTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Migrated_schema_equals_the_schema_of_the_model(StorageTarget target)
    {
        var migrated = await fixture.CreateProvinceAsync(target);
        var created = await fixture.CreateProvinceAsync(target, migrate: false);
        await using var fromModel = await created.OpenAsync();
        Assert.True(await fromModel.Database.EnsureCreatedAsync());
        await using var fromMigrations = await migrated.OpenAsync();

        var expected = await SchemaDescription.ReadAsync(fromModel);
        var actual = await SchemaDescription.ReadAsync(fromMigrations);

        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(actual).Select(line => "missing: " + line).Concat(actual.Except(expected).Select(line => "extra: " + line)));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Migrating_twice_is_idempotent_and_keeps_the_data(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target, migrate: false);
        Assert.NotEmpty(await province.Migrator.GetPendingMigrationsAsync(province.ProvinceId, CancellationToken.None));

        await province.Migrator.MigrateAsync(province.ProvinceId, CancellationToken.None);
        await province.AddDirectiveAsync("2024-38-ct-tu");
        await province.Migrator.MigrateAsync(province.ProvinceId, CancellationToken.None);

        Assert.Empty(await province.Migrator.GetPendingMigrationsAsync(province.ProvinceId, CancellationToken.None));
        await using var db = await province.OpenAsync();
        Assert.Equal(1, await db.Directives.CountAsync());
        Assert.Equal(1, await db.ChangeLog.HeadAsync(CancellationToken.None));
        var entry = Assert.Single(await db.ChangeLog.ListAfterAsync(0, 10, null, CancellationToken.None));
        Assert.Equal(ChangeKind.Created, entry.Kind);
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Concurrent_migrations_of_one_province_apply_once(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target, migrate: false);

        // Replicas starting together: EF's migration lock lets one migrate; the others find nothing to do.
        await province.Migrator.MigrateAsync(province.ProvinceId, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => province.Migrator.MigrateAsync(province.ProvinceId, CancellationToken.None)));

        await using var db = await province.OpenAsync();
        Assert.Equal(0, await db.ChangeLog.HeadAsync(CancellationToken.None));
    }
}
