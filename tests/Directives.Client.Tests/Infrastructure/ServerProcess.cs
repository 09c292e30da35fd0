using Directives.Client;
using Directives.Server.Auth;
using Directives.Server.Hosting;
using Directives.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Infrastructure;

/// <summary>
/// The real server, composed as <c>Program</c> composes it, on Kestrel at 127.0.0.1 on a free port, over
/// SQLite files in a temporary folder, with Development tokens. It can be stopped and started again over the
/// same folder: a new process's worth of state (new port, nothing in memory) over the same data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("directives-client-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private WebApplication? _app;

    private ServerProcess(bool seedDemoData)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer,
            ["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience,
            ["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey,
            ["Provinces:RegistryFile"] = Path.Combine(_folder, "provinces.json"),
            ["Provinces:SeedFile"] = Path.Combine(_folder, "seed.json"),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = Path.Combine(_folder, "data"),
            ["DemoData:Seed"] = seedDemoData ? "true" : "false",
            ["RateLimiting:Enabled"] = "false",
        };
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<ServerProcess> StartAsync(bool seedDemoData = false)
    {
        var server = new ServerProcess(seedDemoData);
        await File.WriteAllTextAsync(Path.Combine(server._folder, "seed.json"), TestRegistry.Json);
        await server.StartAsync();
        return server;
    }

    /// <summary>A Development token, as <c>directives token</c> mints it.</summary>
    public static string MintToken(string role, string? province = null, string? agency = null)
        => new DevelopmentTokenIssuer().Issue(new DevelopmentTokenRequest("client-test", [role]) { Province = province, Agency = agency });

    /// <summary>An SDK client of <paramref name="role"/> in <paramref name="province"/>.</summary>
    public DirectivesClient Client(string role, string? province, RetryOptions? retry = null)
        => new(new DirectivesClientOptions
        {
            Address = Address,
            Token = MintToken(role, province),
            Province = province,
            Retry = retry ?? new RetryOptions(),
            DefaultDeadline = TimeSpan.FromMinutes(1),
        });

    /// <summary>Registers a new, empty, ACTIVE province and returns its id.</summary>
    public async Task<string> CreateProvinceAsync()
    {
        var id = "client-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = Client(RoleNames.PlatformAdmin, null);
        await new Contracts.V1.ProvinceAdminService.ProvinceAdminServiceClient(admin.CallInvoker).CreateProvinceAsync(new Contracts.V1.CreateProvinceRequest
        {
            ProvinceId = id,
            Province = new Contracts.V1.Province { DisplayName = "Tỉnh thử " + id },
        });
        return id;
    }

    /// <summary>Stops the server and starts a new one over the same data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection: the temp folder is cleaned by the OS.
        }
    }

    private async Task StartAsync()
    {
        _app = DirectivesApp.Build(
            new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = _folder },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(_settings);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
            });
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
    }

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
