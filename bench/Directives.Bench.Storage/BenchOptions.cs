using System.Globalization;

namespace Directives.Bench.Storage;

/// <summary>Command-line options: <c>--tasks N --iterations N --inserts N --provider sqlite|postgresql|both</c>.</summary>
internal sealed record BenchOptions(int Tasks, int Iterations, int Inserts, bool Sqlite, bool PostgreSql)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Tasks: 100_000, Iterations: 200, Inserts: 2_000, Sqlite: true, PostgreSql: true);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--tasks" => options with { Tasks = int.Parse(value, CultureInfo.InvariantCulture) },
                "--iterations" => options with { Iterations = int.Parse(value, CultureInfo.InvariantCulture) },
                "--inserts" => options with { Inserts = int.Parse(value, CultureInfo.InvariantCulture) },
                "--provider" => options with
                {
                    Sqlite = value is "sqlite" or "both",
                    PostgreSql = value is "postgresql" or "both",
                },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --tasks, --iterations, --inserts, --provider sqlite|postgresql|both."),
            };
        }

        return options;
    }
}
