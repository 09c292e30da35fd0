using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Grpc.Core;
using Grpc.Net.Client;
using Task = System.Threading.Tasks.Task;

namespace Directives.Bench;

/// <summary>
/// The real server in a process of its own (<c>Directives.Server.dll</c>, built with the benchmark), on an h2c
/// loopback port, with the provinces of <see cref="ServerSetup.RegistryJson"/>, Development tokens, no demo data,
/// no rate limits and warnings-only logging; storage and the rest from <see cref="ServerSetup.Settings"/>.
/// Pinned to one core with taskset when asked. Its output goes to a log file in its folder.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, string log)
    {
        _process = process;
        Address = address;
        Log = log;
    }

    public Uri Address { get; }

    public string Log { get; }

    public static async Task<ServerProcess> StartAsync(string folder, ServerSetup setup, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var settings = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["contentRoot"] = folder,
            ["Provinces:RegistryFile"] = Path.Combine(folder, "provinces.json"),
            ["Provinces:SeedFile"] = Path.Combine(folder, "seed.json"),
            ["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer,
            ["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience,
            ["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey,
            ["DemoData:Seed"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in setup.Settings)
        {
            settings[key] = value;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "seed.json"), setup.RegistryJson);

        var pinned = setup.Core is not null && File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pinned ? "/usr/bin/taskset" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (pinned)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setup.Core!.Value.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Directives.Server.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "1";
        var log = Path.Combine(folder, "server.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        await server.WaitUntilReadyAsync(setup.ReadinessProvince, progress);
        return server;
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });

    /// <summary>The CPU time the process has used so far (user and system, all its threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Startup migrates the provinces' databases; the server answers once the registry and storage are ready.
    private async Task WaitUntilReadyAsync(string province, TextWriter progress)
    {
        using var channel = CreateChannel();
        var provinces = new ProvinceService.ProvinceServiceClient(channel);
        var token = BenchTokens.Issue("bench-ready", "viewer", province);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}; see {Log}.");
            }

            try
            {
                await provinces.GetProvinceAsync(
                    new GetProvinceRequest { Name = $"provinces/{province}" },
                    new Metadata { { "authorization", "Bearer " + token } });
                await progress.WriteLineAsync($"server ready at {Address}");
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }
}
