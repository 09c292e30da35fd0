namespace Directives.Bench.Tasks;

/// <summary>The benchmark's one province and its callers: a viewer and a secretary.</summary>
internal static class TasksProvince
{
    public const string Province = "hung-yen";

    public const string Registry = """
        { "provinces": [ { "id": "hung-yen", "displayName": "Hưng Yên", "state": "ACTIVE" } ] }
        """;

    public static string Viewer() => Bench.BenchTokens.Issue("bench-viewer", "viewer", Province);

    public static string Secretariat() => Bench.BenchTokens.Issue("bench-secretariat", "secretariat", Province);
}
