namespace Directives.Server.Tenancy;

/// <summary>
/// Where the embedded default keeps the registry, bound from the <c>Provinces</c> section:
/// <code>
/// "Provinces": {
///   "RegistryFile": "data/provinces.json",   // the live registry, rewritten atomically on every change
///   "SeedFile": null                         // what a missing RegistryFile starts from; default: provinces.json beside the server
/// }
/// </code>
/// Relative paths are relative to the working directory, like the Data layer's <c>Storage:DataDirectory</c>.
/// </summary>
internal sealed class ProvinceRegistryOptions
{
    public const string SectionName = "Provinces";

    /// <summary>The seed shipped with the server, copied to the output folder.</summary>
    public const string DefaultSeedFileName = "provinces.json";

    public string RegistryFile { get; set; } = Path.Combine("data", "provinces.json");

    public string? SeedFile { get; set; }

    public string ResolveSeedFile() => SeedFile ?? Path.Combine(AppContext.BaseDirectory, DefaultSeedFileName);
}
