using System.Globalization;

namespace Directives.Bench.Tasks;

/// <summary>The command line: <c>--tasks 100000 --iterations 300 --creates 2000 --concurrency 8 --provider both --wait-for-quiet 0</c>.</summary>
internal sealed record BenchOptions(int Tasks, int Iterations, int Creates, int Concurrency, bool Sqlite, bool PostgreSql, double WaitForQuiet)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Tasks: 100_000, Iterations: 300, Creates: 2_000, Concurrency: 8, Sqlite: true, PostgreSql: true, WaitForQuiet: 0);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--tasks" => options with { Tasks = Number(value) },
                "--iterations" => options with { Iterations = Number(value) },
                "--creates" => options with { Creates = Number(value) },
                "--concurrency" => options with { Concurrency = Number(value) },
                "--provider" => value switch
                {
                    "sqlite" => options with { Sqlite = true, PostgreSql = false },
                    "postgresql" => options with { Sqlite = false, PostgreSql = true },
                    "both" => options with { Sqlite = true, PostgreSql = true },
                    _ => throw new ArgumentException($"--provider takes sqlite, postgresql or both, not {value}."),
                },
                "--wait-for-quiet" => options with { WaitForQuiet = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
