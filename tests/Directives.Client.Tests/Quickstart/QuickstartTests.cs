using Directives.Client.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Quickstart;

/// <summary>
/// The README's quickstart, run by tests/quickstart/run.sh exactly as a newcomer types it: the server
/// started with <c>dotnet run --project src/Directives.Server</c>, then the README's <c>directives</c>
/// commands, their output and exit codes checked by the script.
/// </summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task TheReadmeQuickstartWorks()
    {
        var script = Path.Combine(Repository.Root, "tests", "quickstart", "run.sh");

        var result = await ProcessRunner.RunAsync(
            "bash",
            [script],
            new Dictionary<string, string?>
            {
                // `dotnet test` has built everything in this configuration already.
                ["QUICKSTART_NO_BUILD"] = "1",
                ["QUICKSTART_CONFIGURATION"] = Repository.Configuration,
            },
            timeout: TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, $"run.sh exited {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("All quickstart checks passed", result.Output, StringComparison.Ordinal);
    }
}
