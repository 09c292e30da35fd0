using System.Diagnostics;
using System.Text.Json;
using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Interop;

/// <summary>
/// Third-party clients (python3-grpcio and @grpc/grpc-js, from tests/peers) run each of their conformance
/// cases against our server, one process per case. A missing interpreter or library fails the test,
/// never skips it. The cases time deadlines in hundreds of milliseconds, so they run alone, not beside
/// the other test classes.
/// </summary>
[Collection(nameof(ThirdPartyClientTests))]
public class ThirdPartyClientTests(ThirdPartyClientTests.ServerFixture fixture) : IClassFixture<ThirdPartyClientTests.ServerFixture>
{
    /// <summary>The cases of tests/peers/README.md, in their run order; <see cref="EveryPeerListsExactlyTheseCases"/> keeps it honest.</summary>
    public static readonly string[] Cases =
    [
        "unary_echo", "server_stream", "client_stream", "duplex_pingpong", "deadline_exceeded", "deadline_propagated",
        "cancellation", "metadata_ascii", "metadata_binary", "status_with_message", "status_with_details", "gzip_request",
        "gzip_response", "oversized_request", "oversized_response", "unimplemented_method", "handler_exception",
        "client_stream_early_end", "empty_message",
    ];

    public static TheoryData<string, string> PeerCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var peer in PeerClient.All)
        {
            foreach (var name in Cases)
            {
                data.Add(peer.Name, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PeerCases))]
    public async Task PeerCasePassesAgainstOurServer(string peer, string caseName)
    {
        var client = PeerClient.Get(peer);
        var target = fixture.Server.Address.Host + ":" + fixture.Server.Address.Port;

        var result = await client.RunAsync(["--target", target, "--case", caseName], TimeSpan.FromSeconds(60));

        var line = Assert.Single(result.StdoutLines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(caseName, root.GetProperty("case").GetString());
        var detail = root.GetProperty("detail").GetString();
        Assert.True(root.GetProperty("ok").GetBoolean(), peer + " " + caseName + ": " + detail + Environment.NewLine + result.Stderr + Environment.NewLine + ServerLogTail());
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task EveryPeerListsExactlyTheseCases(string peer)
    {
        var result = await PeerClient.Get(peer).RunAsync(["--list"], TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Cases, result.StdoutLines);
    }

    /// <summary>The server's last gRPC and HTTP/2 log events, to tell a failing case's story.</summary>
    private string ServerLogTail() => string.Join(
        Environment.NewLine,
        fixture.Server.Logs.Entries
            .Where(entry => entry.Category.StartsWith("Grpc", StringComparison.Ordinal) || entry.Category.Contains("Kestrel", StringComparison.Ordinal))
            .TakeLast(30)
            .Select(entry => "server log: " + entry.EventId.Name + ": " + entry.Message));

    /// <summary>Our server with the conformance service, compressing responses for clients that accept gzip (the gzip_response case).</summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        public GrpcTestServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options => options.ResponseCompressionAlgorithm = "gzip",
        });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}

/// <summary>How to start one of the third-party clients of tests/peers, and what it printed.</summary>
public sealed class PeerClient
{
    private const string PythonPath = "/usr/bin/python3";

    private PeerClient(string name, string fileName, string script, string[] checkArguments, string missingHint)
    {
        Name = name;
        FileName = fileName;
        Script = script;
        CheckArguments = checkArguments;
        MissingHint = missingHint;
    }

    public static IReadOnlyList<PeerClient> All { get; } =
    [
        // Debian's python3-grpcio: the python3 first on PATH may be another interpreter without it.
        new("python", PythonPath, Path.Combine("tests", "peers", "python", "client.py"), ["-c", "import grpc, google.protobuf"],
            "python3-grpcio is needed: apt-get install python3-grpcio python3-protobuf"),
        new("node", "node", Path.Combine("tests", "peers", "node", "client.js"), ["-e", "require('" + "@grpc/grpc-js" + "')"],
            "node and the peers' packages are needed: apt-get install nodejs npm && (cd tests/peers/node && npm ci)"),
    ];

    public string Name { get; }

    private string FileName { get; }

    private string Script { get; }

    private string[] CheckArguments { get; }

    private string MissingHint { get; }

    public static PeerClient Get(string name) => All.Single(peer => peer.Name == name);

    public async Task<PeerRun> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, Script);
        Assert.True(File.Exists(script), "The peer client " + script + " is missing.");
        await EnsureAvailableAsync(root);
        return await StartAsync([script, .. arguments], Path.GetDirectoryName(script)!, timeout);
    }

    /// <summary>Fails (never skips) with what to install when the interpreter or its gRPC library is missing.</summary>
    private async Task EnsureAvailableAsync(string root)
    {
        PeerRun check;
        try
        {
            check = await StartAsync(CheckArguments, Path.GetDirectoryName(Path.Combine(root, Script))!, TimeSpan.FromSeconds(60));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Cannot start '" + FileName + "' for the " + Name + " peer (" + exception.Message + "). " + MissingHint, exception);
        }

        Assert.True(check.ExitCode == 0, "The " + Name + " peer cannot load its gRPC library. " + MissingHint + Environment.NewLine + check.Stderr);
    }

    private async Task<PeerRun> StartAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start " + FileName + ".");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(Name + " peer did not finish within " + timeout + ": " + await stderr);
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PeerRun(process.ExitCode, lines, await stderr);
    }
}

public sealed record PeerRun(int ExitCode, string[] StdoutLines, string Stderr);

/// <summary>Runs the third-party cases with no other test class in parallel.</summary>
[CollectionDefinition(nameof(ThirdPartyClientTests), DisableParallelization = true)]
public sealed class ThirdPartyClientsCollection;
