using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Directives.Helm.Tests.Infrastructure;

/// <summary>
/// Reads values files as Helm does (YAML 1.2 core schema: plain scalars are null, booleans, integers or floats,
/// quoted scalars are strings) into JSON nodes, and merges an override file over the defaults like <c>helm -f</c>.
/// </summary>
internal static class YamlValues
{
    public static JsonObject Load(string path) => Parse(File.ReadAllText(path));

    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? [] : ToNode(stream.Documents[0].RootNode) as JsonObject ?? [];
    }

    /// <summary>Maps merge key by key; anything else in the override replaces the default (lists included).</summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject overrides)
    {
        var merged = (JsonObject)defaults.DeepClone();
        foreach (var (key, value) in overrides)
        {
            merged[key] = merged[key] is JsonObject inner && value is JsonObject over ? Merge(inner, over) : value?.DeepClone();
        }

        return merged;
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToNode(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToNode).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException("Unsupported YAML node " + node.NodeType),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture)),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit) => JsonNode.Parse(number.ToString("R", CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }
}
