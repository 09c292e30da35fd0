using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Directives.Transport.Tests.Server;

/// <summary>AddGrpc makes Kestrel endpoints HTTP/2 only (h2c on http://) unless configured otherwise.</summary>
public class KestrelDefaultsTests
{
    [Fact]
    public void AddGrpcMakesEndpointsHttp2Only()
    {
        Assert.Equal(HttpProtocols.Http2, EndpointProtocols(services => services.AddGrpc()));
    }

    [Fact]
    public void ConfiguredEndpointDefaultsWin()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:EndpointDefaults:Protocols"] = "Http1AndHttp2" })
            .Build();

        var protocols = EndpointProtocols(services =>
        {
            services.AddSingleton<IConfiguration>(configuration);
            services.AddGrpc();
        });

        Assert.Equal(HttpProtocols.Http1AndHttp2, protocols);
    }

    [Fact]
    public void EndpointDefaultsConfiguredAfterAddGrpcWin()
    {
        var protocols = EndpointProtocols(services =>
        {
            services.AddGrpc();
            services.Configure<KestrelServerOptions>(options => options.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http1));
        });

        Assert.Equal(HttpProtocols.Http1, protocols);
    }

    private static HttpProtocols EndpointProtocols(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        HttpProtocols? protocols = null;
        options.Listen(IPAddress.Loopback, 0, listen => protocols = listen.Protocols);
        return protocols!.Value;
    }
}
