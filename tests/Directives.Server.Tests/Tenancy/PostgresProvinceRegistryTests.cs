using Directives.Contracts.V1;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Tenancy;
using Directives.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Tenancy;

/// <summary>
/// The registry as the control table <c>provinces</c> on the shared real PostgreSQL, one fresh control
/// database per test. Two registry instances on one database stand for two replicas.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PostgresProvinceRegistryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("directives-control-").FullName;
    private readonly string _database = "ctl_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IAsyncDisposable> _owned = [];
    private string _adminConnectionString = null!;
    private string _controlDatabase = null!;

    private string SeedFile => Path.Combine(_folder, "seed.json");

    public async Task InitializeAsync()
    {
        var postgres = await SharedPostgres.GetAsync();
        _adminConnectionString = postgres.ConnectionString();
        _controlDatabase = postgres.ConnectionString(_database);
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        await File.WriteAllTextAsync(SeedFile, TestRegistry.Json);
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ReplicasStartingTogetherSeedTheEmptyTableOnceFromOneSeed()
    {
        var otherSeed = Path.Combine(_folder, "other-seed.json");
        await File.WriteAllTextAsync(otherSeed, """{ "provinces": [ { "id": "lao-cai", "displayName": "Lào Cai" } ] }""");
        var first = CreateRegistry();
        var second = CreateRegistry(seedFile: otherSeed);

        var lists = await Task.WhenAll(
            Task.Run(async () => await first.ListAsync(CancellationToken.None)),
            Task.Run(async () => await second.ListAsync(CancellationToken.None)));

        // One seed wins as a whole; the other replica finds the table filled and reads it.
        var ids = await QueryIdsAsync();
        Assert.True(ids.SequenceEqual(["lao-cai"]) || ids.Count == 8, $"The table holds a mix of seeds: {string.Join(", ", ids)}");
        Assert.Equal(ids, lists[0].Select(province => province.Id));
        Assert.Equal(ids, lists[1].Select(province => province.Id));

        // A filled table is never seeded again, whatever the seed says now.
        await File.WriteAllTextAsync(SeedFile, """{ "provinces": [ { "id": "ha-giang", "displayName": "Hà Giang" } ] }""");
        var later = await CreateRegistry().ListAsync(CancellationToken.None);
        Assert.Equal(ids, later.Select(province => province.Id));
        Assert.Equal(ids, await QueryIdsAsync());
    }

    [Fact]
    public async Task TheSeedIsReadWithItsLinksBothWays()
    {
        var registry = CreateRegistry();

        var hungYen = await registry.FindAsync("hung-yen", CancellationToken.None);
        var thaiBinh = await registry.FindAsync("thai-binh", CancellationToken.None);

        Assert.Equal<string>(["thai-binh"], hungYen!.Predecessors);
        Assert.Equal(ProvinceState.ReadOnly, thaiBinh!.State);
        Assert.Equal("hung-yen", thaiBinh.Successor);
        Assert.Equal(new DateOnly(2025, 7, 1), thaiBinh.SuccessionDate);
        Assert.Equal(1, thaiBinh.Version);
        Assert.Equal(8, (await registry.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ACreatedAndUpdatedProvinceReadsBackWithEveryField()
    {
        var writer = CreateRegistry();
        var created = NewProvince("lao-cai") with { StorageLocation = "pg-north-1", CreateRequestId = "request-1" };
        await writer.SaveAsync([created], CancellationToken.None);
        var updated = created.NextVersion(created.UpdateTime.AddMinutes(5)) with { State = ProvinceState.Disabled, DisplayName = "Tỉnh Lào Cai" };
        await writer.SaveAsync([updated], CancellationToken.None);

        var seenByWriter = await writer.FindAsync("lao-cai", CancellationToken.None);
        var seenByFreshReplica = await CreateRegistry().FindAsync("lao-cai", CancellationToken.None);

        foreach (var seen in new[] { seenByWriter, seenByFreshReplica })
        {
            Assert.NotNull(seen);
            Assert.Equal("Tỉnh Lào Cai", seen.DisplayName);
            Assert.Equal(ProvinceState.Disabled, seen.State);
            Assert.Equal(2, seen.Version);
            Assert.Equal("2", seen.Etag);
            Assert.Equal("pg-north-1", seen.StorageLocation);
            Assert.Equal("request-1", seen.CreateRequestId);
            Assert.Equal(ProvinceRecord.DefaultTimeZone, seen.TimeZone);
            Assert.Equal(created.CreateTime, seen.CreateTime);
            Assert.Equal(updated.UpdateTime, seen.UpdateTime);
        }
    }

    [Fact]
    public async Task AStaleVersionIsAConflictAndNothingOfTheWriteIsKept()
    {
        var registry = CreateRegistry();
        var hungYen = (await registry.FindAsync("hung-yen", CancellationToken.None))!;
        await registry.SaveAsync([hungYen.NextVersion(DateTimeOffset.UtcNow) with { DisplayName = "Hưng Yên (mới)" }], CancellationToken.None);

        // Written from the version read before that change: lao-cai would be fine on its own, but goes too.
        var stale = hungYen.NextVersion(DateTimeOffset.UtcNow) with { State = ProvinceState.Disabled };
        var conflict = await Assert.ThrowsAsync<ProvinceRegistryConflictException>(
            () => registry.SaveAsync([NewProvince("lao-cai"), stale], CancellationToken.None));
        Assert.Equal("hung-yen", conflict.ProvinceId);

        // Adding an id that exists is a conflict too.
        await Assert.ThrowsAsync<ProvinceRegistryConflictException>(() => registry.SaveAsync([NewProvince("ninh-binh")], CancellationToken.None));

        var fresh = CreateRegistry();
        Assert.Null(await fresh.FindAsync("lao-cai", CancellationToken.None));
        var stored = (await fresh.FindAsync("hung-yen", CancellationToken.None))!;
        Assert.Equal((2L, ProvinceState.Active, "Hưng Yên (mới)"), (stored.Version, stored.State, stored.DisplayName));
        Assert.Equal("Ninh Bình", (await fresh.FindAsync("ninh-binh", CancellationToken.None))!.DisplayName);
        Assert.Equal(8, (await QueryIdsAsync()).Count);
    }

    [Fact]
    public async Task OfTwoReplicasWritingTheSameVersionOneWinsAndTheOtherConflicts()
    {
        var first = CreateRegistry();
        var second = CreateRegistry();
        var ninhBinh = (await first.FindAsync("ninh-binh", CancellationToken.None))!;
        await second.ListAsync(CancellationToken.None);

        var writes = new[]
        {
            Task.Run(() => first.SaveAsync([ninhBinh.NextVersion(DateTimeOffset.UtcNow) with { DisplayName = "Ninh Bình 1" }], CancellationToken.None)),
            Task.Run(() => second.SaveAsync([ninhBinh.NextVersion(DateTimeOffset.UtcNow) with { DisplayName = "Ninh Bình 2" }], CancellationToken.None)),
        };
        await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);

        var failed = Assert.Single(writes, write => write.IsFaulted);
        Assert.IsType<ProvinceRegistryConflictException>(failed.Exception!.InnerException);
        var winner = writes[0].IsFaulted ? "Ninh Bình 2" : "Ninh Bình 1";
        var stored = (await CreateRegistry().FindAsync("ninh-binh", CancellationToken.None))!;
        Assert.Equal((2L, winner), (stored.Version, stored.DisplayName));
    }

    [Fact]
    public async Task TheTableIsRereadPeriodicallyEvenWithoutANotification()
    {
        var reader = CreateRegistry(reloadInterval: TimeSpan.FromMilliseconds(200));
        await StartListenerAsync(reader, TimeSpan.FromMilliseconds(200));
        Assert.Null(await reader.FindAsync("lao-cai", CancellationToken.None));

        // Written behind the registry's back: no NOTIFY.
        await using (var connection = new NpgsqlConnection(_controlDatabase))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO provinces (id, display_name, state, time_zone, version, create_time, update_time) VALUES ('lao-cai', 'Lào Cai', 'ACTIVE', 'Asia/Ho_Chi_Minh', 1, now(), now())",
                connection);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.True(await EventuallyAsync(async () => await reader.FindAsync("lao-cai", CancellationToken.None) is not null), "The periodic reload never saw lao-cai.");
    }

    [Fact]
    public async Task AWriteBreakingTheRulesIsRolledBack()
    {
        var registry = CreateRegistry();
        var thaiBinh = (await registry.FindAsync("thai-binh", CancellationToken.None))!;

        // Names a successor that does not list it as a predecessor.
        var broken = thaiBinh.NextVersion(DateTimeOffset.UtcNow) with { Successor = "ninh-binh" };
        await Assert.ThrowsAsync<InvalidDataException>(() => registry.SaveAsync([broken], CancellationToken.None));

        var stored = (await CreateRegistry().FindAsync("thai-binh", CancellationToken.None))!;
        Assert.Equal(("hung-yen", 1L), (stored.Successor, stored.Version));
    }

    [Fact]
    public async Task AChangeOnOneReplicaReachesAnotherByNotification()
    {
        // An hour between periodic reloads: only the notification can bring the change within the test.
        var writer = CreateRegistry(reloadInterval: TimeSpan.FromHours(1));
        var reader = CreateRegistry(reloadInterval: TimeSpan.FromHours(1));
        await StartListenerAsync(reader, TimeSpan.FromHours(1));
        Assert.Null(await reader.FindAsync("lao-cai", CancellationToken.None));

        await writer.SaveAsync([NewProvince("lao-cai")], CancellationToken.None);

        Assert.True(await EventuallyAsync(async () => await reader.FindAsync("lao-cai", CancellationToken.None) is not null), "The second replica never saw lao-cai.");
        Assert.Contains(await reader.ListAsync(CancellationToken.None), province => province.Id == "lao-cai");
    }

    [Fact]
    public async Task TheListenerReconnectsAfterItsConnectionIsKilled()
    {
        var writer = CreateRegistry(reloadInterval: TimeSpan.FromHours(1));
        var reader = CreateRegistry(reloadInterval: TimeSpan.FromHours(1));
        await StartListenerAsync(reader, TimeSpan.FromHours(1));
        Assert.True(await EventuallyAsync(async () => (await ListenerPidsAsync()).Count == 1), "The listener never connected.");
        var killed = Assert.Single(await ListenerPidsAsync());

        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", killed);
            await terminate.ExecuteNonQueryAsync();
        }

        Assert.True(
            await EventuallyAsync(async () => await ListenerPidsAsync() is [var pid] && pid != killed),
            "The listener never reconnected.");
        await writer.SaveAsync([NewProvince("lao-cai")], CancellationToken.None);

        Assert.True(await EventuallyAsync(async () => await reader.FindAsync("lao-cai", CancellationToken.None) is not null), "The reconnected replica never saw lao-cai.");
    }

    [Fact]
    public async Task AProvinceCreatedThroughOneServerIsServedByAnotherSharingTheControlDatabase()
    {
        var first = new ControlDatabaseServer(_controlDatabase);
        _owned.Add(new AsyncLifetimeDisposer(first));
        await first.InitializeAsync();
        var second = new ControlDatabaseServer(_controlDatabase);
        _owned.Add(new AsyncLifetimeDisposer(second));
        await second.InitializeAsync();
        Assert.IsType<PostgresProvinceRegistry>(second.Services.GetRequiredService<IProvinceRegistry>());

        var id = await first.CreateProvinceAsync();

        Assert.Contains(id, await QueryIdsAsync());
        var provinces = second.Client<ProvinceService.ProvinceServiceClient>(RoleNames.PlatformAdmin, province: null);
        Assert.True(
            await EventuallyAsync(async () => (await provinces.ListProvincesAsync(new ListProvincesRequest { PageSize = 100 })).Provinces.Any(p => p.Name == "provinces/" + id)),
            "The second server never listed the province created through the first.");
        var province = await provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/" + id });
        Assert.Equal("Tỉnh thử " + id, province.DisplayName);
        Assert.Equal(Province.Types.State.Active, province.State);
    }

    private PostgresProvinceRegistry CreateRegistry(string? seedFile = null, TimeSpan? reloadInterval = null)
    {
        var registry = new PostgresProvinceRegistry(
            Options.Create(Settings(seedFile, reloadInterval)),
            TimeProvider.System,
            NullLogger<PostgresProvinceRegistry>.Instance);
        _owned.Add(registry);
        return registry;
    }

    private async Task StartListenerAsync(PostgresProvinceRegistry registry, TimeSpan reloadInterval)
    {
        var listener = new ProvinceRegistryListener(registry, Options.Create(Settings(null, reloadInterval)), NullLogger<ProvinceRegistryListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        _owned.Add(new ListenerStopper(listener));
    }

    private ProvinceRegistryOptions Settings(string? seedFile, TimeSpan? reloadInterval) => new()
    {
        ControlDatabase = _controlDatabase,
        SeedFile = seedFile ?? SeedFile,
        ReloadInterval = reloadInterval ?? TimeSpan.FromSeconds(30),
    };

    private static ProvinceRecord NewProvince(string id)
    {
        // PostgreSQL keeps microseconds.
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        return new ProvinceRecord { Id = id, DisplayName = "Tỉnh " + id, CreateTime = now, UpdateTime = now };
    }

    private async Task<List<string>> QueryIdsAsync()
    {
        await using var connection = new NpgsqlConnection(_controlDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM provinces ORDER BY id COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<int>> ListenerPidsAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @name AND datname = @database", connection);
        command.Parameters.AddWithValue("name", ProvinceRegistryListener.ApplicationName);
        command.Parameters.AddWithValue("database", _database);
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <see cref="Patience"/> runs out.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    /// <summary>The real server with its registry in the control database, SQLite storage in its own folder.</summary>
    private sealed class ControlDatabaseServer(string controlDatabase) : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: false)
    {
        protected override void ConfigureServer(WebApplicationBuilder builder)
            => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Provinces:ControlDatabase"] = controlDatabase });
    }

    private sealed class AsyncLifetimeDisposer(IAsyncLifetime lifetime) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await lifetime.DisposeAsync();
    }

    private sealed class ListenerStopper(ProvinceRegistryListener listener) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }
}
