namespace Directives.Helm.Tests.Infrastructure;

/// <summary>The chart's files in the repository, found from the test's output folder upwards.</summary>
internal static class ChartFiles
{
    public static string ChartDirectory { get; } = Find();

    public static string ValuesFile => Path.Combine(ChartDirectory, "values.yaml");

    public static string SchemaFile => Path.Combine(ChartDirectory, "values.schema.json");

    public static string TemplatesDirectory => Path.Combine(ChartDirectory, "templates");

    /// <summary>The example values files (ci/*-values.yaml): overrides of values.yaml, as <c>helm -f</c> merges them.</summary>
    public static IReadOnlyList<string> ExampleValuesFiles =>
        Directory.GetFiles(Path.Combine(ChartDirectory, "ci"), "*-values.yaml").Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<string> Templates =>
        Directory.GetFiles(TemplatesDirectory).Order(StringComparer.Ordinal).ToArray();

    public static string ReadTemplate(string name) => File.ReadAllText(Path.Combine(TemplatesDirectory, name));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var chart = Path.Combine(directory.FullName, "helm", "directives-grpc");
            if (File.Exists(Path.Combine(chart, "Chart.yaml")))
            {
                return chart;
            }
        }

        throw new DirectoryNotFoundException("helm/directives-grpc was not found above " + AppContext.BaseDirectory);
    }
}
