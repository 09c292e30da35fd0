using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Directives.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port with its unix socket in that folder, and on disposal <c>pg_ctl stop</c> and the folder
/// deleted. As root (CI and the development machines run as root) the server binaries refuse to run,
/// so they run as the <c>postgres</c> OS user that the Debian package creates.
/// </summary>
/// <remarks>
/// <see cref="StartAsync"/> throws <see cref="PostgresUnavailableException"/> when no PostgreSQL is
/// installed; tests must fail then, never skip (CI installs it with apt-get, see .ci/run).
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Superuser = "postgres";

    private static readonly string[] SearchedBinFolders =
    [
        "/usr/lib/postgresql/17/bin",
        "/usr/lib/postgresql/16/bin",
        "/usr/lib/postgresql/15/bin",
    ];

    private readonly string _binFolder;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binFolder, string root, int port, bool asPostgresUser)
    {
        _binFolder = binFolder;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>The folder of the server's unix socket.</summary>
    public string SocketFolder => Path.Combine(_root, "socket");

    /// <summary>A connection string for <paramref name="database"/> over TCP on loopback, as the superuser (trust authentication).</summary>
    public string ConnectionString(string database = "postgres")
        => $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Pooling=true;Maximum Pool Size=10;Connection Idle Lifetime=3;Connection Pruning Interval=1;Include Error Detail=true";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binFolder = Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured ? configured : FindBinFolder();
        if (binFolder is null)
        {
            throw new PostgresUnavailableException(
                "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin); install it with 'apt-get install postgresql' or set POSTGRES_BIN.");
        }

        var asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "directives-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var port = FreePort();
        var server = new PostgresServer(binFolder, root, port, asPostgresUser);
        try
        {
            await server.InitializeAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var data = Path.Combine(_root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"], CancellationToken.None, throwOnError: false);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying server process; the temp folder is cleaned by the OS.
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(SocketFolder);
        if (_asPostgresUser)
        {
            await RunProcessAsync("chown", ["-R", $"{Superuser}:{Superuser}", _root], cancellationToken, throwOnError: true);
        }

        await RunAsync("initdb", ["-D", data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], cancellationToken);

        // fsync off: a test server's data is thrown away, and it makes the suite several times faster.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={SocketFolder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"), "-o", options], cancellationToken);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(_binFolder, tool);
        return _asPostgresUser
            ? RunProcessAsync("runuser", ["-u", Superuser, "--", executable, .. arguments], cancellationToken, throwOnError)
            : RunProcessAsync(executable, arguments, cancellationToken, throwOnError);
    }

    private async Task RunProcessAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new PostgresUnavailableException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (throwOnError && process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : "";
            throw new PostgresUnavailableException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}\n{serverLog}");
        }
    }

    private static string? FindBinFolder()
        => SearchedBinFolders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
