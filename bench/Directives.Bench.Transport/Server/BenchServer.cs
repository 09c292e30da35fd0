using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directives.Bench.Transport.Server;

/// <summary>
/// The benchmark server process: the gRPC service, the raw Kestrel ceiling, and the raw endpoint behind endpoint
/// routing (to tell routing's share of the gap), each its own application on its own h2c port, in one process.
/// Prints <c>ready {grpcPort} {rawPort} {routedPort}</c>, then answers commands on standard input:
/// <c>counters</c> prints the bytes the process has allocated so far and the methods the JIT has compiled,
/// <c>exit</c> stops it.
/// </summary>
internal static class BenchServer
{
    public static async Task<int> RunAsync()
    {
        var grpc = CreateApplication(out var grpcListen);
        grpc.Services.AddGrpc();
        var grpcApp = grpc.Build();
        grpcApp.MapGrpcService<BenchServiceImpl>();

        var raw = CreateApplication(out var rawListen);
        var rawApp = raw.Build();
        rawApp.Run(new RawEndpoint().HandleAsync);

        var routed = CreateApplication(out var routedListen);
        var routedApp = routed.Build();
        routedApp.MapPost(Payloads.EchoPath, new RawEndpoint().HandleAsync);

        await grpcApp.StartAsync();
        await rawApp.StartAsync();
        await routedApp.StartAsync();
        Console.WriteLine("ready " + Port(grpcListen()) + " " + Port(rawListen()) + " " + Port(routedListen()));

        while (Console.ReadLine() is { } command && command != "exit")
        {
            if (command == "counters")
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                Console.WriteLine("counters " + allocated.ToString(CultureInfo.InvariantCulture) + " " + compiled.ToString(CultureInfo.InvariantCulture));
            }
        }

        await routedApp.StopAsync();
        await rawApp.StopAsync();
        await grpcApp.StopAsync();
        return 0;
    }

    /// <summary>Default hosting, h2c on a free loopback port, and only warnings logged (to standard error).</summary>
    private static WebApplicationBuilder CreateApplication(out Func<ListenOptions> listen)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenOptions? captured = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, options =>
        {
            options.Protocols = HttpProtocols.Http2;
            captured = options;
        }));
        listen = () => captured ?? throw new InvalidOperationException("Kestrel was not configured.");
        return builder;
    }

    // Kestrel replaces the endpoint of a port-0 listener with the one it bound.
    private static int Port(ListenOptions listen) => ((IPEndPoint)listen.EndPoint).Port;
}
