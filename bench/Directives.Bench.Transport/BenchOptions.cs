using System.Globalization;

namespace Directives.Bench.Transport;

/// <summary>The command line of the benchmark (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: Directives.Bench.Transport [all] [options]
          --runs N              whole runs, each with a fresh server process (default 3); the report gives the
                                median and the spread (min-max) of every figure
          --duration S          measured seconds per cell (default 3)
          --warmup S            warm-up seconds before each cell (default 1)
          --alloc-calls N       unary calls for the allocation measurement (default 50000)
          --sections LIST       any of h2load,client,stream,alloc (default all of them)
          --no-pin              do not pin the server and the load generator to separate cores
          --server-cpu N        the core the server runs on (default 0)
          --load-cpu N          the core h2load and our client run on (default 1)
          --nice N              run the server and the load generator at niceness N (e.g. -20, as root) so that
                                a busy machine's other work disturbs them less; the report says so
          --wait-for-quiet L    first wait (polling every 60 s) until the 1-minute load average is below L
          --max-wait MIN        give up waiting after MIN minutes and measure anyway (default 25)
          --report PATH         also write the report (markdown) to PATH
        """;

    public static readonly string[] AllSections = ["h2load", "client", "stream", "alloc"];

    public int Runs { get; init; } = 3;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    public int AllocationCalls { get; init; } = 50_000;

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(AllSections);

    public bool Pin { get; init; } = true;

    public int ServerCpu { get; init; }

    public int LoadCpu { get; init; } = 1;

    public int? Niceness { get; init; }

    public double? WaitForQuietBelow { get; init; }

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(25);

    public string? ReportPath { get; init; }

    public bool Has(string section) => Sections.Contains(section);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => ++i < args.Length ? args[i] : throw new ArgumentException("Missing value for " + arg + ".");
            options = arg switch
            {
                "all" when i == 0 => options,
                "--runs" => options with { Runs = PositiveInt(Next(), arg) },
                "--duration" => options with { Duration = Seconds(Next(), arg) },
                "--warmup" => options with { Warmup = Seconds(Next(), arg) },
                "--alloc-calls" => options with { AllocationCalls = PositiveInt(Next(), arg) },
                "--sections" => options with { Sections = ParseSections(Next()) },
                "--no-pin" => options with { Pin = false },
                "--server-cpu" => options with { ServerCpu = PositiveInt(Next(), arg, allowZero: true) },
                "--load-cpu" => options with { LoadCpu = PositiveInt(Next(), arg, allowZero: true) },
                "--nice" => options with { Niceness = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--wait-for-quiet" => options with { WaitForQuietBelow = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--max-wait" => options with { MaxWait = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--report" => options with { ReportPath = Next() },
                _ => throw new ArgumentException("Unknown argument: " + arg),
            };
        }

        return options;
    }

    private static int PositiveInt(string value, string name, bool allowZero = false)
    {
        var parsed = int.Parse(value, CultureInfo.InvariantCulture);
        return parsed > 0 || (allowZero && parsed == 0) ? parsed : throw new ArgumentException(name + " must be positive.");
    }

    private static TimeSpan Seconds(string value, string name)
    {
        var seconds = double.Parse(value, CultureInfo.InvariantCulture);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException(name + " must be positive.");
    }

    private static HashSet<string> ParseSections(string value)
    {
        var sections = new HashSet<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var unknown = sections.Except(AllSections).ToList();
        return unknown.Count == 0 ? sections : throw new ArgumentException("Unknown section(s): " + string.Join(", ", unknown));
    }
}
