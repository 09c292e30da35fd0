using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Directives.Helm.Tests.Infrastructure;

/// <summary>
/// Finds secret values in a values document: a non-empty literal under a key that names a secret (password,
/// secret, token, connection string, signing key), or any value that looks like key material or a connection
/// string with credentials. Names of Secrets and of their keys (<c>existingSecret</c>, <c>…Key</c>, <c>…Keys</c>)
/// are references, not secrets.
/// </summary>
internal static partial class SecretScanner
{
    public static IReadOnlyList<string> Find(JsonNode? node, string path = "$")
    {
        var findings = new List<string>();
        Walk(node, path, key: null, findings);
        return findings;
    }

    private static void Walk(JsonNode? node, string path, string? key, List<string> findings)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (name, value) in map)
                {
                    Walk(value, $"{path}.{name}", name, findings);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", key, findings);
                }

                break;
            case JsonValue value:
                var text = value.ToString();
                if (text.Length == 0)
                {
                    break;
                }

                if (key is not null && SecretName().IsMatch(key) && !IsReference(key))
                {
                    findings.Add($"{path}: a literal under a secret's name");
                }
                else if (SecretLooking().IsMatch(text) || LongBase64().IsMatch(text))
                {
                    findings.Add($"{path}: looks like a secret");
                }

                break;
        }
    }

    private static bool IsReference(string key) =>
        key.EndsWith("existingSecret", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Key", StringComparison.Ordinal) || key.EndsWith("Keys", StringComparison.Ordinal)
        || key.Equals("secretName", StringComparison.Ordinal);

    [GeneratedRegex("password|passwd|secret|token|connectionstring|signingkey|apikey|privatekey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"-----BEGIN|(password|pwd)\s*=|://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();

    // 32 random bytes are 44 base64 characters; no ordinary value in a values file is that long without a break.
    [GeneratedRegex(@"[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex LongBase64();
}
