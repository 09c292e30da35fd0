using Directives.Bench;
using Directives.Bench.Tasks;
using Directives.Data;
using Directives.Data.Storage;
using Directives.Testing.Postgres;

// TaskService benchmark, through the real gRPC server in its own process:
//   dotnet run -c Release --project bench/Directives.Bench.Tasks [-- --tasks 100000 --iterations 300 --creates 2000 --concurrency 8 --provider both --wait-for-quiet 0]
// Progress goes to standard error, the markdown report to standard output.
var options = BenchOptions.Parse(args);
var progress = Console.Error;
await LoadAverage.WaitBelowAsync(options.WaitForQuiet, progress);
Console.WriteLine($"TaskService benchmark: {options.Tasks:N0} tasks in one province, {options.Iterations} calls per list, {options.Creates:N0} creates by {options.Concurrency} writers; " +
    $"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}; load average (1, 5, 15 min) at start {LoadAverage.Now()}.");
Console.WriteLine();

if (options.Sqlite)
{
    await RunAsync("SQLite", folder => new Dictionary<string, string>
    {
        ["Storage:Provider"] = nameof(StorageProvider.Sqlite),
        ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
    });
}

if (options.PostgreSql)
{
    // A private PostgreSQL 15 from the Debian package, as the tests start it.
    await using var postgres = await PostgresServer.StartAsync();
    await RunAsync("PostgreSQL", _ => new Dictionary<string, string>
    {
        ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
        ["Storage:ConnectionStringTemplate"] = postgres.ConnectionString("bench_" + StorageOptions.ProvincePlaceholder),
    });
}

Console.WriteLine($"Load average (1, 5, 15 min) at the end: {LoadAverage.Now()}.");

async Task RunAsync(string provider, Func<string, Dictionary<string, string>> storageFor)
{
    var folder = Directory.CreateTempSubdirectory("directives-bench-tasks-").FullName;
    try
    {
        var storage = storageFor(folder);
        await using var server = await ServerProcess.StartAsync(folder, new ServerSetup(TasksProvince.Registry, TasksProvince.Province, storage), progress);
        await progress.WriteLineAsync($"{provider}: seeding {options.Tasks:N0} tasks");
        var seeder = new ProvinceSeeder(DatabasesFor(storage), TasksProvince.Province);
        await seeder.SeedAsync(options.Tasks, progress, CancellationToken.None);
        using var channel = server.CreateChannel();
        await new TasksBench(channel, options, seeder.Directives).RunAsync(provider, Console.Out, progress);
        Console.WriteLine($"{provider}: load average (1, 5, 15 min) after the run {LoadAverage.Now()}.");
        Console.WriteLine();
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

// The seeding writes through the Data layer to the databases the server opened and migrated.
static IProvinceDbContextFactory DatabasesFor(IReadOnlyDictionary<string, string> settings)
{
    var storage = new StorageOptions
    {
        Provider = Enum.Parse<StorageProvider>(settings["Storage:Provider"]),
        DataDirectory = settings.GetValueOrDefault("Storage:DataDirectory", "data"),
        ConnectionStringTemplate = settings.GetValueOrDefault("Storage:ConnectionStringTemplate"),
    };
    return new ProvinceDbContextFactory(new FixedOptions<StorageOptions>(storage), TimeProvider.System);
}
