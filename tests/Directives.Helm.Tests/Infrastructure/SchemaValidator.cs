using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Directives.Helm.Tests.Infrastructure;

/// <summary>
/// The part of JSON Schema (draft 7) that values.schema.json uses, as Helm applies it: type, properties,
/// required, additionalProperties, propertyNames, enum, pattern, minLength, maxLength, minimum, maximum, items,
/// minItems. A keyword outside this set makes the validator throw, so the schema cannot silently outgrow it.
/// </summary>
internal static class SchemaValidator
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "title", "description", "type", "properties", "required", "additionalProperties", "propertyNames",
        "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "items", "minItems",
    ];

    /// <summary>Every violation, as "path: problem"; empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode? instance, JsonObject schema)
    {
        var errors = new List<string>();
        Check(instance, schema, "$", errors);
        return errors;
    }

    private static void Check(JsonNode? instance, JsonObject schema, string path, List<string> errors)
    {
        if (schema.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw new NotSupportedException($"Schema keyword '{unknown}' at {path} is not supported by this validator.");
        }

        if (schema["type"] is { } type && !Types(type).Any(t => IsOfType(instance, t)))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, found {KindOf(instance)}");
            return;
        }

        if (schema["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, instance)))
        {
            errors.Add($"{path}: {instance?.ToJsonString()} is not one of {choices.ToJsonString()}");
        }

        switch (instance)
        {
            case JsonObject map:
                CheckObject(map, schema, path, errors);
                break;
            case JsonArray list:
                if (schema["minItems"] is { } minItems && list.Count < minItems.GetValue<int>())
                {
                    errors.Add($"{path}: fewer than {minItems} items");
                }

                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Check(list[i], items, $"{path}[{i}]", errors);
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var number = value.GetValue<double>();
                if (schema["minimum"] is { } minimum && number < minimum.GetValue<double>())
                {
                    errors.Add($"{path}: {number} is below {minimum}");
                }

                if (schema["maximum"] is { } maximum && number > maximum.GetValue<double>())
                {
                    errors.Add($"{path}: {number} is above {maximum}");
                }

                break;
        }
    }

    private static void CheckObject(JsonObject map, JsonObject schema, string path, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (!map.ContainsKey(required))
            {
                errors.Add($"{path}: '{required}' is required");
            }
        }

        foreach (var (key, value) in map)
        {
            if (schema["propertyNames"] is JsonObject names)
            {
                Check(JsonValue.Create(key), names, $"{path}.{key} (name)", errors);
            }

            if (properties?[key] is JsonObject property)
            {
                Check(value, property, $"{path}.{key}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(value, additional, $"{path}.{key}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                errors.Add($"{path}: unknown key '{key}'");
            }
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minLength"] is { } minLength && text.Length < minLength.GetValue<int>())
        {
            errors.Add($"{path}: shorter than {minLength}");
        }

        if (schema["maxLength"] is { } maxLength && text.Length > maxLength.GetValue<int>())
        {
            errors.Add($"{path}: longer than {maxLength}");
        }

        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }
    }

    private static IEnumerable<string> Types(JsonNode type) =>
        type is JsonArray many ? many.Select(t => t!.GetValue<string>()) : [type.GetValue<string>()];

    private static bool IsOfType(JsonNode? instance, string type) => (type, instance) switch
    {
        ("null", null) => true,
        ("object", JsonObject) => true,
        ("array", JsonArray) => true,
        ("string", JsonValue v) => v.GetValueKind() == JsonValueKind.String,
        ("boolean", JsonValue v) => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ("number", JsonValue v) => v.GetValueKind() == JsonValueKind.Number,
        ("integer", JsonValue v) => v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() % 1 == 0,
        _ => false,
    };

    private static string KindOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
