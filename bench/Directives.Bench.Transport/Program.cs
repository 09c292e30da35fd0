using Directives.Bench.Transport;
using Directives.Bench.Transport.Server;

// `server` is the benchmark server process the orchestrator starts; anything else runs the benchmark.
if (args.Length > 0 && args[0] == "server")
{
    return await BenchServer.RunAsync();
}

if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (CpuPinning.ShouldReexec(options))
{
    return await CpuPinning.ReexecPinnedAsync(options, args);
}

CpuPinning.ApplySessionNiceness(options);
return await Orchestrator.RunAsync(options);
