using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Directives.Server.Auth;
using Directives.Server.Tenancy;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (h2c) with tenancy as the host wires it: AddDirectivesTenancy,
/// UseDirectivesTenancy, the province services, grpc.health.v1, and test-only directives.v1 services.
/// Its registry lives in a temporary folder, seeded from <see cref="TestSeed"/> unless told otherwise.
/// </summary>
internal sealed class TenancyTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TenancyTestServer(WebApplication app, Uri address, string folder)
    {
        _app = app;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }

    /// <summary>The temporary folder of the registry file.</summary>
    public string Folder { get; }

    public string RegistryFile => Path.Combine(Folder, "provinces.json");

    public IServiceProvider Services => _app.Services;

    public ServiceCallLog Calls => Services.GetRequiredService<ServiceCallLog>();

    public RecordingProvisioner Provisioner => Services.GetRequiredService<RecordingProvisioner>();

    public static async Task<TenancyTestServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        string? seedJson = TestSeed.Json,
        X509Certificate2? serverCertificate = null)
    {
        var folder = Directory.CreateTempSubdirectory("directives-tenancy-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            ["Provinces:RegistryFile"] = Path.Combine(folder, "provinces.json"),
            ["RateLimiting:Enabled"] = "false",
        };
        if (environment == Environments.Development)
        {
            // As appsettings.Development.json ships them, stated here so the tests do not depend on that file.
            configuration["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer;
            configuration["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience;
            configuration["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey;
        }

        if (seedJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "seed.json"), seedJson);
            configuration["Provinces:SeedFile"] = Path.Combine(folder, "seed.json");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(configuration);

        builder.Logging.ClearProviders();

        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddDirectivesTenancy(builder.Configuration, builder.Environment);
        if (serverCertificate is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            // After AddDirectivesTenancy: UseHttps applies Kestrel's HTTPS defaults as they are at this point,
            // and tenancy's client-certificate settings are among them.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        }

        builder.Services.AddSingleton<ServiceCallLog>();
        builder.Services.AddSingleton<RecordingProvisioner>();
        builder.Services.AddSingleton<IProvinceProvisioner>(provider => provider.GetRequiredService<RecordingProvisioner>());

        var app = builder.Build();
        app.UseDirectivesTenancy();
        app.MapProvinceServices();
        app.MapGrpcHealthChecksService();
        app.MapGrpcService<EchoDirectiveService>();
        app.MapGrpcService<EchoTaskService>();
        app.MapGrpcService<EchoMinistryService>();
        app.MapGrpcService<EchoChangeFeedService>();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TenancyTestServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), folder);
    }

    /// <summary>
    /// A channel to this server. With <paramref name="host"/> the calls carry that host name in
    /// <c>:authority</c> (<c>hung-yen.directives.test</c>) while still connecting to loopback.
    /// </summary>
    public GrpcChannel CreateChannel(string? host = null, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            },
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Address.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var address = host is null ? Address : new UriBuilder(Address) { Host = host }.Uri;
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
