using System.Text.Json;
using Directives.Client.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Cli;

/// <summary>The <c>directives</c> CLI as a real process against the real server with the demo data.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(seedDemoData: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TokenPrintsOnlyATokenTheServerAccepts()
    {
        var token = await RunAsync(["token", "--province", "tien-giang", "--role", "viewer"]);

        Assert.Equal((0, ""), (token.ExitCode, token.Error));
        var jwt = token.Output.TrimEnd('\n');
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", jwt);
        var list = await RunAsync(["list", "--token", jwt]);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("15/CT-UBND", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ministry", "hung-yen")]
    [InlineData("platform-admin", "hung-yen")]
    [InlineData("viewer", null)]
    [InlineData("auditor", "hung-yen")]
    public async Task TokenRefusesARoleWithoutItsProvinceRuleAsAUsageError(string role, string? province)
    {
        string[] arguments = province is null ? ["token", "--role", role] : ["token", "--role", role, "--province", province];

        var result = await RunAsync(arguments);

        Assert.Equal((64, ""), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task ACrossProvinceReadExitsWithPermissionDenied()
    {
        var result = await RunAsync(["list", "--province", "tien-giang", "--token", ServerProcess.MintToken("viewer", "hung-yen")]);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("PROVINCE_MISMATCH", result.Error, StringComparison.Ordinal);
        Assert.Contains("không phải tỉnh của người dùng", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidCreateExitsWithInvalidArgumentAndNamesTheFields()
    {
        var result = await RunAsync(["create", "--issuing-body", " ", "--subject", " ", "--token", ServerProcess.MintToken("secretariat", "hung-yen")]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("directive.issuing_body", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonOutputIsProtobufJson()
    {
        var result = await RunAsync(["list", "--json", "--token", ServerProcess.MintToken("viewer", "hung-yen")]);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var directives = document.RootElement.GetProperty("directives").EnumerateArray().ToList();
        Assert.Contains(directives, d => d.GetProperty("name").GetString() == "provinces/hung-yen/directives/2019-2157-cv-tu"
                                         && d.GetProperty("documentType").GetString() == "OFFICIAL_LETTER");
    }

    [Fact]
    public async Task ImportJsonCreatesEachDirectiveOnceEvenWhenRunTwice()
    {
        var file = Path.Combine(Path.GetTempPath(), "directives-import-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var export = await RunAsync(["list", "--json", "--token", ServerProcess.MintToken("viewer", "tien-giang")]);
            await File.WriteAllTextAsync(file, export.Output);
            var secretariat = ServerProcess.MintToken("secretariat", "hung-yen");

            var first = await RunAsync(["import-json", file, "--json", "--token", secretariat]);
            var second = await RunAsync(["import-json", file, "--json", "--token", secretariat]);

            Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
            Assert.Equal(first.Output, second.Output);
            var list = await RunAsync(["list", "--token", ServerProcess.MintToken("viewer", "hung-yen")]);
            Assert.Single(list.Output.Split('\n'), line => line.Contains("15/CT-UBND", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CommitteeShowGivesTheCompositionAtADate()
    {
        var token = ServerProcess.MintToken("viewer", "tien-giang");

        var before = await RunAsync(["committee", "show", "--at", "2023-06-01", "--json", "--token", token]);
        var after = await RunAsync(["committee", "show", "--at", "2024-06-01", "--json", "--token", token]);

        Assert.Equal((0, 0), (before.ExitCode, after.ExitCode));
        using var beforeJson = JsonDocument.Parse(before.Output);
        using var afterJson = JsonDocument.Parse(after.Output);
        Assert.NotEqual(beforeJson.RootElement.GetProperty("name").GetString(), afterJson.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task TasksListOverdueForAnAgencyListsOnlyItsOverdueTasks()
    {
        var result = await RunAsync(["tasks", "list", "--overdue", "--agency", "cong-an-tinh", "--json", "--token", ServerProcess.MintToken("viewer", "hung-yen")]);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var tasks = document.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, task => Assert.Equal("OVERDUE", task.GetProperty("timeliness").GetString()));
        Assert.All(tasks, task => Assert.True(
            task.GetProperty("leadAgency").GetString() == "provinces/hung-yen/agencies/cong-an-tinh"
            || (task.TryGetProperty("cooperatingAgencies", out var cooperating) && cooperating.EnumerateArray().Any(a => a.GetString() == "provinces/hung-yen/agencies/cong-an-tinh"))));
    }

    [Fact]
    public async Task AnOfficerReportsProgressForTheAgencyOfItsToken()
    {
        var officer = ServerProcess.MintToken("officer", "hung-yen", "cong-an-tinh");

        var result = await RunAsync(["tasks", "report", "provinces/hung-yen/directives/2019-2157-cv-tu/tasks/7", "--text", "Đã triệt phá 3 đường dây “tín dụng đen”", "--percent", "60", "--kind", "six_monthly", "--period", "2024-h1", "--json", "--token", officer]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var report = JsonDocument.Parse(result.Output);
        Assert.Equal("provinces/hung-yen/agencies/cong-an-tinh", report.RootElement.GetProperty("agency").GetString());
        Assert.Equal(60, report.RootElement.GetProperty("percentComplete").GetInt32());
        Assert.Equal("SIX_MONTHLY", report.RootElement.GetProperty("kind").GetString());
        Assert.Equal("HALF_YEAR", report.RootElement.GetProperty("period").GetProperty("kind").GetString());
        Assert.StartsWith("provinces/hung-yen/directives/2019-2157-cv-tu/tasks/7/reports/", report.RootElement.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TablesStayAlignedWhateverTheUnicodeFormOfVietnameseText()
    {
        var secretariat = ServerProcess.MintToken("secretariat", "hung-yen");
        var decomposed = "Về phòng, chống tội phạm và vi phạm pháp luật năm 2026".Normalize(System.Text.NormalizationForm.FormD);
        var created = await RunAsync(["create", "--type", "PLAN", "--issuing-body", "Ủy ban nhân dân tỉnh", "--subject", decomposed, "--token", secretariat]);
        Assert.Equal(0, created.ExitCode);

        var list = await RunAsync(["list", "--token", secretariat]);

        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("Về phòng, chống tội phạm", StringComparison.Ordinal) && line.Contains("PLAN", StringComparison.Ordinal));
        Assert.Single(lines.Select(line => line.Length).Distinct());
    }

    [Fact]
    public async Task UnknownCommandsAreUsageErrorsAndHelpDocumentsExitCodes()
    {
        var unknown = await RunAsync(["frobnicate"]);
        var help = await RunAsync(["--help"]);
        var tasksHelp = await RunAsync(["tasks", "list", "--help"]);

        Assert.Equal(64, unknown.ExitCode);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("7 PERMISSION_DENIED", help.Output, StringComparison.Ordinal);
        Assert.Contains("--overdue", tasksHelp.Output, StringComparison.Ordinal);
    }

    private Task<ProcessResult> RunAsync(string[] arguments)
        => ProcessRunner.RunAsync("dotnet", [Repository.CliAssembly, .. arguments], new Dictionary<string, string?>
        {
            ["DIRECTIVES_SERVER"] = _server.Address.ToString(),
            ["DIRECTIVES_TOKEN"] = null,
        });
}
