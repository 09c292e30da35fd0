using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Directives.Contracts.V1;
using Directives.Server.Auth;
using Grpc.Core;
using Grpc.Net.Client;
using Task = System.Threading.Tasks.Task;

namespace Directives.Bench.Telemetry;

/// <summary>
/// The real server in a process of its own on an h2c loopback port: one province on SQLite, Development
/// tokens, no rate limits, warnings-only logging, and the given environment (the OTEL_* variables).
/// Pinned to <paramref name="core"/> with taskset when there is one.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string Province = "hung-yen";

    private const string Registry = """
        { "provinces": [ { "id": "hung-yen", "displayName": "Hưng Yên", "state": "ACTIVE" } ] }
        """;

    private static readonly DevelopmentTokenIssuer Issuer = new();
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, string log)
    {
        _process = process;
        Address = address;
        Log = log;
    }

    public Uri Address { get; }

    public string Log { get; }

    public int ProcessId => _process.Id;

    /// <summary>A token of <paramref name="role"/> in the benchmark's province.</summary>
    public static string Token(string role) =>
        Issuer.Issue(new DevelopmentTokenRequest("bench-" + role, [role]) { Province = Province, Lifetime = TimeSpan.FromHours(8) });

    public static async Task<ServerProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> environment, int? core, TextWriter progress)
    {
        var port = FreePort();
        var settings = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["contentRoot"] = folder,
            ["Provinces:RegistryFile"] = Path.Combine(folder, "provinces.json"),
            ["Provinces:SeedFile"] = Path.Combine(folder, "seed.json"),
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
            ["Auth:Issuer"] = DevelopmentTokenIssuer.DefaultIssuer,
            ["Auth:Audience"] = DevelopmentTokenIssuer.DefaultAudience,
            ["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey,
            ["DemoData:Seed"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "seed.json"), Registry);

        var pinned = core is not null && File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pinned ? "/usr/bin/taskset" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (pinned)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(core!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Directives.Server.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = Path.Combine(folder, "server.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        await server.WaitUntilReadyAsync(progress);
        return server;
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });

    /// <summary>The process's CPU time so far (user + system), from /proc.</summary>
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

    private async Task WaitUntilReadyAsync(TextWriter progress)
    {
        using var channel = CreateChannel();
        var provinces = new ProvinceService.ProvinceServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + Token("viewer") } };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}; see {Log}.");
            }

            try
            {
                await provinces.GetProvinceAsync(new GetProvinceRequest { Name = $"provinces/{Province}" }, headers);
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
