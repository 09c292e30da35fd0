using System.Text.Json.Serialization;

namespace Directives.Server.Tenancy;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ProvinceRegistryDocument))]
internal sealed partial class ProvinceRegistryJsonContext : JsonSerializerContext;
