namespace Directives.Transport.Services.Tests.Infrastructure;

/// <summary>
/// Debian's python3-grpcio, the third-party generic client. It is imported by <c>/usr/bin/python3</c>: the
/// <c>python3</c> first on PATH may be another interpreter without it. A missing peer fails the test (it is
/// never skipped); <c>.ci/run</c> installs it.
/// </summary>
internal static class PythonGrpc
{
    public const string Interpreter = "/usr/bin/python3";

    public static async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Interpreter), Interpreter + " is missing: install python3-grpcio and python3-protobuf (apt-get install python3-grpcio python3-protobuf).");
        using var probe = ExternalProcess.Start(Interpreter, "-c", "import grpc, google.protobuf; print('grpc', grpc.__version__)");
        var exitCode = await probe.WaitForExitAsync(cancellationToken);
        Assert.True(exitCode == 0, "python3-grpcio is not importable by " + Interpreter + " (apt-get install python3-grpcio python3-protobuf):\n" + probe.Output);
    }

    /// <summary>Runs a script under tests/peers/python; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, CancellationToken cancellationToken, params string[] arguments)
    {
        await EnsureAvailableAsync(cancellationToken);
        using var process = ExternalProcess.Start(Interpreter, [Path.Combine(RepositoryPaths.Root, "tests", "peers", "python", script), .. arguments]);
        var exitCode = await process.WaitForExitAsync(cancellationToken);
        return (exitCode, process.Output);
    }
}
