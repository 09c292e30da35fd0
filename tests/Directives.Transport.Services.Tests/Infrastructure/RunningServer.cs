using Directives.Transport.TestHost;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.Services.Tests.Infrastructure;

/// <summary>The test application on Kestrel, in-process, on a loopback port chosen by the OS, with a channel to it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private Task? _stopped;

    private RunningServer(WebApplication app)
    {
        App = app;
        Address = app.Urls.Single();
        Channel = GrpcChannel.ForAddress(Address);
    }

    public WebApplication App { get; }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>The address as host:port, for clients that take a target.</summary>
    public string Target => new Uri(Address).Authority;

    public GrpcChannel Channel { get; }

    public T GetRequiredService<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the test application, lets <paramref name="configure"/> adjust it, and starts it.</summary>
    public static async Task<RunningServer> StartAsync(Action<WebApplicationBuilder>? configure = null, params string[] args)
    {
        var app = Build(configure, args);
        await app.StartAsync();
        return new RunningServer(app);
    }

    /// <summary>For a server whose start is awaited separately: the address is known once Kestrel listens.</summary>
    public static RunningServer ForListening(WebApplication app) => new(app);

    public static WebApplication Build(Action<WebApplicationBuilder>? configure, params string[] args)
    {
        var builder = TestHostApplication.CreateBuilder(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", .. args]);
        configure?.Invoke(builder);
        return TestHostApplication.Build(builder);
    }

    /// <summary>Stops the host as an orchestrator would; once only, however often it is called.</summary>
    public Task StopAsync() => _stopped ??= App.StopAsync(TestTimeout.Token());

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await StopAsync();
        await App.DisposeAsync();
    }
}
