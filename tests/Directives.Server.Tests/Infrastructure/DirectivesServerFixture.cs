using System.Net;
using System.Net.Sockets;
using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Storage;
using Directives.Server.Auth;
using Directives.Server.Hosting;
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

namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// The real server, composed as <c>Program</c> composes it (<see cref="DirectivesApp"/>), on Kestrel at
/// 127.0.0.1 on a free port (h2c), with a temporary data folder, the test registry
/// (<see cref="TestRegistry"/>), Development tokens, a settable clock and SQLite or PostgreSQL storage.
/// One per test class (<c>IClassFixture</c>), in <see cref="IntegrationCollection"/>; derive a sealed
/// fixture per provider (<see cref="SqliteServer"/>, <see cref="PostgreSqlServer"/>).
/// </summary>
public abstract class DirectivesServerFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("directives-server-").FullName;
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private int _provinces;

    protected DirectivesServerFixture(StorageProvider provider, bool seedDemoData)
    {
        Provider = provider;
        SeedsDemoData = seedDemoData;
    }

    public StorageProvider Provider { get; }

    public bool SeedsDemoData { get; }

    /// <summary>The server's clock; the real time unless a test sets it.</summary>
    public TestClock Clock { get; } = new();

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The server has not started.")).Services;

    /// <summary>A channel to the server without credentials; <see cref="Client{TClient}"/> adds them.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer,
            ["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience,
            ["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey,
            ["Provinces:RegistryFile"] = Path.Combine(_folder, "provinces.json"),
            ["Provinces:SeedFile"] = Path.Combine(_folder, "seed.json"),
            ["Storage:Provider"] = Provider.ToString(),
            ["Storage:DataDirectory"] = Path.Combine(_folder, "data"),
            ["DemoData:Seed"] = SeedsDemoData ? "true" : "false",
            ["RateLimiting:Enabled"] = "false",
        };
        if (Provider == StorageProvider.PostgreSql)
        {
            var postgres = await SharedPostgres.GetAsync();
            var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + "_";
            settings["Storage:ConnectionStringTemplate"] = postgres.ConnectionString(prefix + StorageOptions.ProvincePlaceholder);
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "seed.json"), TestRegistry.Json);
        _app = DirectivesApp.Build(
            new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = _folder },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<TimeProvider>(Clock);
                ConfigureServer(builder);
            });
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
        _channel = CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A derived fixture's own settings and services, added after the common ones.</summary>
    protected virtual void ConfigureServer(WebApplicationBuilder builder)
    {
    }

    /// <summary>
    /// A Development token: <paramref name="role"/> (<see cref="RoleNames"/>) for <paramref name="province"/>
    /// (none for ministry and platform-admin), with an agency id or name for officers.
    /// </summary>
    public string MintToken(string role, string? province = null, string? agency = null, string subject = "test-user", string? displayName = null)
        => Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(new DevelopmentTokenRequest(subject, [role])
        {
            Province = province,
            Agency = agency,
            DisplayName = displayName,
        });

    /// <summary>A typed client whose calls carry <paramref name="token"/> as <c>authorization: Bearer</c>.</summary>
    public TClient Client<TClient>(string token)
        where TClient : ClientBase<TClient>
    {
        var invoker = Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
        return (TClient)Activator.CreateInstance(typeof(TClient), invoker)!;
    }

    /// <summary>A client of <paramref name="role"/> in <paramref name="province"/>, a shorthand for <see cref="MintToken"/> and <see cref="Client{TClient}"/>.</summary>
    public TClient Client<TClient>(string role, string? province, string? agency = null, string subject = "test-user")
        where TClient : ClientBase<TClient>
        => Client<TClient>(MintToken(role, province, agency, subject));

    /// <summary>
    /// Registers a new, empty, ACTIVE province through ProvinceAdminService (so its database is created
    /// and migrated as at runtime) and returns its id: a clean slate for a test that counts things.
    /// </summary>
    public async Task<string> CreateProvinceAsync()
    {
        var id = $"test-{Interlocked.Increment(ref _provinces)}-{Guid.NewGuid().ToString("N")[..6]}";
        var admin = Client<ProvinceAdminService.ProvinceAdminServiceClient>(RoleNames.PlatformAdmin, province: null);
        await admin.CreateProvinceAsync(new CreateProvinceRequest
        {
            ProvinceId = id,
            Province = new Province { DisplayName = "Tỉnh thử " + id },
        });
        return id;
    }

    /// <summary>Opens the province's database directly, to check what a call wrote (or did not).</summary>
    public Task<ProvinceDbContext> OpenDatabaseAsync(string provinceId)
        => Services.GetRequiredService<IProvinceDbContextFactory>().CreateAsync(provinceId, CancellationToken.None);

    /// <summary>
    /// A channel to the server on loopback whatever <paramref name="host"/> names: the host only goes
    /// into <c>:authority</c>, where tenant resolution reads a province prefix.
    /// </summary>
    public GrpcChannel CreateChannel(string? host = null)
    {
        var port = Address.Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var address = host is null ? Address : new UriBuilder(Address) { Host = host }.Uri;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}

/// <summary>The server on SQLite files, without demo data.</summary>
public sealed class SqliteServer() : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: false);

/// <summary>The server on the shared PostgreSQL, without demo data.</summary>
public sealed class PostgreSqlServer() : DirectivesServerFixture(StorageProvider.PostgreSql, seedDemoData: false);

/// <summary>The server on SQLite files, with the demo data seeded at startup.</summary>
public sealed class SeededSqliteServer() : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: true);

/// <summary>The server on the shared PostgreSQL, with the demo data seeded at startup.</summary>
public sealed class SeededPostgreSqlServer() : DirectivesServerFixture(StorageProvider.PostgreSql, seedDemoData: true);
