using System.Globalization;
using System.Runtime.InteropServices;
using Directives.Bench.Telemetry;
using Directives.Contracts.V1;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

// Unary throughput of the real server with telemetry off against on, in one run:
//   dotnet run -c Release --project bench/Directives.Bench.Telemetry [-- --rounds 6 --seconds 5 --concurrency 16]
// Server processes side by side (both pinned to core 0, the callers and the sink to the other cores):
// "off" is the embedded default (no OTEL_* variables: no SDK); "on" has OTEL_EXPORTER_OTLP_ENDPOINT set
// (http/protobuf to a loopback sink in this process), OTEL_TRACES_SAMPLER=always_on: every call traced,
// metrics and logs exported too; a third server exports the same but samples no span, to tell the cost of
// tracing from that of the metrics. Rounds alternate between them (the order reverses every round), so drifts
// in the machine's load fall on all. Progress on standard error, the markdown report on standard output.
var rounds = Option("--rounds", 6);
var seconds = Option("--seconds", 5);
var concurrency = Option("--concurrency", 16);
var progress = Console.Error;

if (Environment.ProcessorCount > 1 && OperatingSystem.IsLinux())
{
    // The callers and the sink keep off the servers' core.
    System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = (nint)(((1L << Environment.ProcessorCount) - 1) & ~1L);
}

var loadAtStart = LoadAverage();
await using var sink = await OtlpSink.StartAsync();
var offFolder = Directory.CreateTempSubdirectory("directives-bench-telemetry-off-").FullName;
var onFolder = Directory.CreateTempSubdirectory("directives-bench-telemetry-on-").FullName;
var untracedFolder = Directory.CreateTempSubdirectory("directives-bench-telemetry-untraced-").FullName;
try
{
    var core = Environment.ProcessorCount > 1 ? 0 : (int?)null;
    await using var off = await ServerProcess.StartAsync(offFolder, new Dictionary<string, string>(), core, progress);
    var exporting = new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Address.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_TRACES_SAMPLER"] = "always_on",
        ["OTEL_SERVICE_NAME"] = "directives-bench",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
    };
    await using var on = await ServerProcess.StartAsync(onFolder, exporting, core, progress);

    // Where the cost lies: the same SDK and exports, but no span sampled.
    await using var untraced = await ServerProcess.StartAsync(untracedFolder, new Dictionary<string, string>(exporting) { ["OTEL_TRACES_SAMPLER"] = "always_off" }, core, progress);

    var servers = new[] { ("off", off), ("on", on), ("metrics and logs only", untraced) };
    var headers = new Metadata { { "authorization", "Bearer " + ServerProcess.Token("secretariat") } };
    var channels = servers.ToDictionary(s => s.Item1, s => s.Item2.CreateChannel());
    foreach (var channel in channels.Values)
    {
        var agencies = new AgencyService.AgencyServiceClient(channel);
        for (var i = 0; i < 5; i++)
        {
            await agencies.CreateAgencyAsync(new CreateAgencyRequest
            {
                Parent = $"provinces/{ServerProcess.Province}",
                AgencyId = $"so-{i}",
                Agency = new Agency { DisplayName = $"Sở số {i}", Kind = Agency.Types.Kind.Department },
            }, headers);
        }
    }

    var workloads = new (string Name, Func<Grpc.Net.Client.GrpcChannel, Func<Task>> Call)[]
    {
        ("GetProvince (tenancy, no database)", channel =>
        {
            var client = new ProvinceService.ProvinceServiceClient(channel);
            var request = new GetProvinceRequest { Name = $"provinces/{ServerProcess.Province}" };
            return async () => await client.GetProvinceAsync(request, headers);
        }),
        ("ListAgencies (SQLite: 2 commands)", channel =>
        {
            var client = new AgencyService.AgencyServiceClient(channel);
            var request = new ListAgenciesRequest { Parent = $"provinces/{ServerProcess.Province}" };
            return async () => await client.ListAgenciesAsync(request, headers);
        }),
    };

    Console.WriteLine($"Telemetry overhead: unary calls through the real server (SQLite), {concurrency} concurrent callers, {rounds} rounds of {seconds} s per mode, " +
        $"off and on alternating; {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, {RuntimeInformation.OSDescription}; load average (1, 5, 15 min) at start {loadAtStart}.");
    Console.WriteLine();
    Console.WriteLine("| workload | telemetry | calls/s | throughput loss | server CPU per call | spans exported per call |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|");
    foreach (var (name, callFor) in workloads)
    {
        var calls = servers.ToDictionary(s => s.Item1, s => callFor(channels[s.Item1]));
        foreach (var (mode, server) in servers)
        {
            await progress.WriteLineAsync($"{name}: warming up {mode}");
            await LoadRound.RunAsync(calls[mode], concurrency, TimeSpan.FromSeconds(Math.Max(2, seconds)), server);
        }

        var results = servers.ToDictionary(s => s.Item1, _ => new List<RoundResult>());
        var spansBefore = sink.Spans;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (mode, server) in round % 2 == 0 ? servers : servers.Reverse())
            {
                var result = await LoadRound.RunAsync(calls[mode], concurrency, TimeSpan.FromSeconds(seconds), server);
                results[mode].Add(result);
                await progress.WriteLineAsync($"{name}: round {round + 1} {mode}: {result.PerSecond:F0} calls/s, {result.ServerCpuMicroseconds:F0} µs server CPU per call");
            }
        }

        // The last batch of spans leaves within the exporter's schedule (5 s).
        await Task.Delay(TimeSpan.FromSeconds(6));
        var tracedCalls = results["on"].Sum(r => r.Calls);
        var offRate = Median(results["off"].Select(r => r.PerSecond));
        foreach (var (mode, _) in servers)
        {
            var rate = Median(results[mode].Select(r => r.PerSecond));
            var spans = mode == "on" ? string.Create(CultureInfo.InvariantCulture, $"{(sink.Spans - spansBefore) / (double)tracedCalls:F2}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {mode} | {rate:F0} | {(mode == "off" ? "" : $"{(1 - (rate / offRate)) * 100:F1} %")} | {Median(results[mode].Select(r => r.ServerCpuMicroseconds)):F0} µs | {spans} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Medians over the rounds. Sink: {sink.Exports:N0} OTLP exports, {sink.Bytes / 1024.0 / 1024.0:F1} MiB, {sink.Spans:N0} spans. Load average (1, 5, 15 min) at the end {LoadAverage()}.");
    foreach (var channel in channels.Values)
    {
        channel.Dispose();
    }
}
finally
{
    Directory.Delete(offFolder, recursive: true);
    Directory.Delete(onFolder, recursive: true);
    Directory.Delete(untracedFolder, recursive: true);
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
