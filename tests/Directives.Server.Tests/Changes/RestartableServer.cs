using System.Net;
using System.Net.Sockets;
using Directives.Contracts.V1;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Hosting;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Changes;

/// <summary>
/// The real server as <see cref="DirectivesServerFixture"/> composes it, which can be stopped and
/// started again on the same data folder (SQLite) or the same databases (PostgreSQL): a new process's
/// worth of state (a new port, new signing keys for page tokens, nothing in memory) over the same data.
/// </summary>
internal sealed class RestartableServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("directives-restart-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private WebApplication? _app;
    private GrpcChannel? _channel;

    private RestartableServer(Dictionary<string, string?> settings) => _settings = settings;

    public static async Task<RestartableServer> StartAsync(StorageProvider provider)
    {
        var server = new RestartableServer([]);
        server._settings["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer;
        server._settings["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience;
        server._settings["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey;
        server._settings["Provinces:RegistryFile"] = Path.Combine(server._folder, "provinces.json");
        server._settings["Provinces:SeedFile"] = Path.Combine(server._folder, "seed.json");
        server._settings["Storage:Provider"] = provider.ToString();
        server._settings["Storage:DataDirectory"] = Path.Combine(server._folder, "data");
        server._settings["DemoData:Seed"] = "false";
        server._settings["RateLimiting:Enabled"] = "false";
        if (provider == StorageProvider.PostgreSql)
        {
            var postgres = await SharedPostgres.GetAsync();
            var prefix = "r" + Guid.NewGuid().ToString("N")[..8] + "_";
            server._settings["Storage:ConnectionStringTemplate"] = postgres.ConnectionString(prefix + StorageOptions.ProvincePlaceholder);
        }

        await File.WriteAllTextAsync(Path.Combine(server._folder, "seed.json"), TestRegistry.Json);
        await server.StartAsync();
        return server;
    }

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The server is stopped.")).Services;

    /// <summary>Stops the running server and starts a new one on the same data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public string MintToken(string role, string? province)
        => Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(new DevelopmentTokenRequest("test-user", [role]) { Province = province });

    public TClient Client<TClient>(string role, string? province)
        where TClient : ClientBase<TClient>
    {
        var token = MintToken(role, province);
        var invoker = (_channel ?? throw new InvalidOperationException("The server is stopped.")).Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
        return (TClient)Activator.CreateInstance(typeof(TClient), invoker)!;
    }

    public async Task<string> CreateProvinceAsync()
    {
        var id = "restart-" + Guid.NewGuid().ToString("N")[..8];
        await Client<ProvinceAdminService.ProvinceAdminServiceClient>(RoleNames.PlatformAdmin, null).CreateProvinceAsync(new CreateProvinceRequest
        {
            ProvinceId = id,
            Province = new Province { DisplayName = "Tỉnh thử " + id },
        });
        return id;
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
        var port = new Uri(_app.Urls.First()).Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _channel = GrpcChannel.ForAddress(new Uri(_app.Urls.First()), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private async Task StopAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
