using System.Net;
using System.Security.Cryptography.X509Certificates;
using Directives.Transport.Tests.TestService;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, serving <see cref="ConformanceTestService"/> over h2c
/// (an <c>http://</c> URL, so AddGrpc's HTTP/2 default is what makes it speak h2c) or over TLS with a
/// generated self-signed certificate. For server, client and interop tests alike.
/// </summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri address, X509Certificate2? certificate, TestLogSink logs)
    {
        _app = app;
        Address = address;
        Certificate = certificate;
        Logs = logs;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:49152</c>.</summary>
    public Uri Address { get; }

    /// <summary>The server's certificate when it serves TLS.</summary>
    public X509Certificate2? Certificate { get; }

    public IServiceProvider Services => _app.Services;

    public CallRecorder CallRecorder => _app.Services.GetRequiredService<CallRecorder>();

    /// <summary>Everything the server logged.</summary>
    public TestLogSink Logs { get; }

    public static async Task<GrpcTestServer> StartAsync(GrpcTestServerOptions? options = null)
    {
        options ??= new GrpcTestServerOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var certificate = options.UseTls ? TestCertificate.Create() : null;
        builder.WebHost.UseUrls((options.UseTls ? "https" : "http") + "://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });

        var logs = new TestLogSink();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);

        builder.Services.AddSingleton<CallRecorder>();
        var grpc = builder.Services.AddGrpc(grpcOptions => options.ConfigureGrpc?.Invoke(grpcOptions));
        options.ConfigureServices?.Invoke(grpc);
        if (options.Protocols is { } protocols)
        {
            // Registered after AddGrpc, so it wins over AddGrpc's HTTP/2-only default.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = protocols));
        }

        var app = builder.Build();
        app.UseRouting();
        if (options.MapTestService)
        {
            app.MapGrpcService<ConformanceTestService>();
        }
        options.ConfigureEndpoints?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTestServer(app, new Uri(address), certificate, logs);
    }

    /// <summary>An HTTP/2-only client for this server (prior knowledge over h2c, ALPN h2 over TLS).</summary>
    public HttpClient CreateHttpClient(Version? version = null)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        return new HttpClient(handler)
        {
            BaseAddress = Address,
            DefaultRequestVersion = version ?? HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}

/// <summary>How to start a <see cref="GrpcTestServer"/>.</summary>
public sealed class GrpcTestServerOptions
{
    public bool UseTls { get; init; }

    /// <summary>Whether to map <see cref="ConformanceTestService"/> (a test may map its own implementation instead).</summary>
    public bool MapTestService { get; init; } = true;

    public Action<GrpcServiceOptions>? ConfigureGrpc { get; init; }

    /// <summary>More services, per-service options and interceptors.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IGrpcServerBuilder>? ConfigureServices { get; init; }

    /// <summary>More endpoints (other gRPC services, plain HTTP routes).</summary>
    public Action<WebApplication>? ConfigureEndpoints { get; init; }

    /// <summary>Overrides the endpoint protocols, e.g. to let HTTP/1.1 reach the gRPC endpoint.</summary>
    public Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols? Protocols { get; init; }
}
