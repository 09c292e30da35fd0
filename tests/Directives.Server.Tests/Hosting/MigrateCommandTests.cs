using Directives.Data;
using Directives.Server.Hosting;
using Directives.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Hosting;

/// <summary>
/// <c>Directives.Server migrate</c>, which the Helm chart's pre-install/pre-upgrade Job runs: it migrates every
/// province that is not disabled and exits 0 without serving; a province it cannot migrate makes it exit 1.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private static readonly string[] RegistryProvinces =
        ["hung-yen", "thai-binh", "ninh-binh", "nam-dinh", "dong-thap", "tien-giang", "hai-phong", "hai-duong"];

    private readonly string _folder = Directory.CreateTempSubdirectory("directives-migrate-").FullName;

    [Fact]
    public async Task MigratesEveryProvinceAndExitsZero()
    {
        var exitCode = await DirectivesApp.RunAsync(["migrate", .. await SettingsAsync("Sqlite")]);

        Assert.Equal(0, exitCode);
        var data = Path.Combine(_folder, "data");
        Assert.Equal(
            RegistryProvinces.Order(StringComparer.Ordinal),
            Directory.GetFiles(data, "*.db").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));

        // The same configuration, built again: the migrator finds nothing pending in any province.
        await using var app = DirectivesApp.Build(await SettingsAsync("Sqlite"));
        var migrator = app.Services.GetRequiredService<ProvinceDatabaseMigrator>();
        foreach (var province in RegistryProvinces)
        {
            Assert.Empty(await migrator.GetPendingMigrationsAsync(province, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ExitsOneWhenAProvinceCannotBeMigrated()
    {
        // Nothing listens on port 1 of the loopback address: every connection is refused at once.
        var settings = await SettingsAsync("PostgreSql");
        var exitCode = await DirectivesApp.RunAsync(
            ["migrate", .. settings, "--Storage:ConnectionStringTemplate=Host=127.0.0.1;Port=1;Database=d_{province};Username=u;Timeout=5"]);

        Assert.Equal(1, exitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string[]> SettingsAsync(string provider)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "seed.json"), TestRegistry.Json);
        return
        [
            "--Provinces:RegistryFile=" + Path.Combine(_folder, "provinces.json"),
            "--Provinces:SeedFile=" + Path.Combine(_folder, "seed.json"),
            "--Storage:Provider=" + provider,
            "--Storage:DataDirectory=" + Path.Combine(_folder, "data"),
            "--Logging:LogLevel:Default=Warning",

            // The command builds the server's application, which validates its authentication settings as it
            // is built: the chart's Job gets the same settings (and secrets) as the Deployment.
            "--Auth:Issuer=https://login.example.gov.vn",
            "--Auth:Audience=directives-grpc",
            "--Auth:SigningKeys:0=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ];
    }
}
