using System.Diagnostics;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>
/// Where the third-party peers live and what they need: the repository root (found from the test assembly's
/// location, whatever the working directory), Node.js on PATH and the npm packages of tests/peers/node.
/// A missing peer fails the test with a message saying how to install it; peer tests never skip.
/// </summary>
public static class PeerProcessEnvironment
{
    private static readonly Lazy<Task> NodeModulesInstall = new(InstallNodeModulesAsync);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string NodePeersDirectory => Path.Combine(RepositoryRoot, "tests", "peers", "node");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of an executable on PATH; throws (failing the test) when it is missing.</summary>
    public static string RequireExecutable(string name, string installHint)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' is not on PATH, so the third-party peer tests can't run ({installHint}). " +
            (IsCi ? "CI=true: a missing peer fails the run." : "Peer tests never skip; install it or run .ci/run."));
    }

    /// <summary>Runs <c>npm ci</c> in tests/peers/node once per test run when its node_modules is missing.</summary>
    public static Task EnsureNodeModulesAsync() => NodeModulesInstall.Value;

    private static async Task InstallNodeModulesAsync()
    {
        if (Directory.Exists(Path.Combine(NodePeersDirectory, "node_modules", "@grpc", "grpc-js")))
        {
            return;
        }

        var npm = RequireExecutable("npm", "apt-get install npm");
        using var process = Process.Start(new ProcessStartInfo(npm, "ci --no-audit --no-fund")
        {
            WorkingDirectory = NodePeersDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("npm did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {NodePeersDirectory} (exit {process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directives.Grpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Directives.Grpc.sln above " + AppContext.BaseDirectory + ": can't locate the repository root.");
    }
}
