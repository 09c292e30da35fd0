using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Directives.Helm.Tests.Infrastructure;

/// <summary>The <c>.Values.a.b</c> paths that templates read, and whether values.yaml defines them.</summary>
internal static partial class TemplatePaths
{
    /// <summary>Every <c>.Values…</c> or <c>$.Values…</c> path inside the template actions of <paramref name="template"/>.</summary>
    public static IEnumerable<string> ValuesPaths(string template) =>
        Actions().Matches(template)
            .SelectMany(action => ValuesPath().Matches(action.Value))
            .Select(m => m.Groups["path"].Value)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whether each segment of <paramref name="path"/> (a.b.c) is a key of the map above it.</summary>
    public static bool Exists(JsonObject values, string path)
    {
        JsonNode? node = values;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject map || !map.ContainsKey(segment))
            {
                return false;
            }

            node = map[segment];
        }

        return true;
    }

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Actions();

    [GeneratedRegex(@"\$?\.Values\.(?<path>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)")]
    private static partial Regex ValuesPath();
}
