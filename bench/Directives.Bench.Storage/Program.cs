using Directives.Bench.Storage;
using Directives.Data;
using Directives.Data.Storage;
using Directives.Testing.Postgres;
using Microsoft.Extensions.Options;

// Storage benchmark: dotnet run -c Release --project bench/Directives.Bench.Storage [-- --tasks 100000 --iterations 200 --inserts 2000 --provider both]
// Progress goes to standard error, the markdown report to standard output.
var options = BenchOptions.Parse(args);
var root = Path.Combine(Path.GetTempPath(), "directives-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
Console.WriteLine($"Storage benchmark: {options.Tasks:N0} tasks, {options.Iterations} iterations per query, {options.Inserts:N0} inserts; " +
    $"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}, load average at start {LoadAverage()}.");
Console.WriteLine();
try
{
    if (options.Sqlite)
    {
        var storage = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = root };
        await RunAsync("SQLite", storage, options);
    }

    if (options.PostgreSql)
    {
        // A private PostgreSQL 15 from the Debian package, as the tests start it (fsync off: it measures queries, not disks).
        await using var postgres = await PostgresServer.StartAsync();
        var storage = new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionStringTemplate = postgres.ConnectionString("directives_" + StorageOptions.ProvincePlaceholder),
        };
        await RunAsync("PostgreSQL", storage, options);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

// The machine's 1-, 5- and 15-minute load averages: figures taken on a busy machine say so.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static async Task RunAsync(string name, StorageOptions storage, BenchOptions options)
{
    var factory = new ProvinceDbContextFactory(new FixedOptions(storage), TimeProvider.System);
    await new StorageBench(name, factory, new ProvinceDatabaseMigrator(factory), options).RunAsync(Console.Out, CancellationToken.None);
}

internal sealed class FixedOptions(StorageOptions value) : IOptionsMonitor<StorageOptions>
{
    public StorageOptions CurrentValue => value;

    public StorageOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<StorageOptions, string?> listener) => null;
}
