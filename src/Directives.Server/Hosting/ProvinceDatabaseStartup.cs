using Directives.Data.Storage;
using Directives.Server.DemoData;
using Microsoft.Extensions.Options;

namespace Directives.Server.Hosting;

/// <summary>
/// Before the server accepts calls, migrates the database of every province of the registry that is
/// not disabled (<see cref="ProvinceMigrations"/>), then seeds the demo data into the four first provinces
/// where their databases are still empty (see <see cref="DemoDataOptions"/>). A province whose database
/// fails is logged and left: its calls fail, the others are served.
/// </summary>
internal sealed class ProvinceDatabaseStartup(
    ProvinceMigrations migrations,
    DemoDataSeeder seeder,
    IOptions<DemoDataOptions> demoData,
    IOptionsMonitor<StorageOptions> storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (migrated, _) = await migrations.MigrateAllAsync(cancellationToken);
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
}
