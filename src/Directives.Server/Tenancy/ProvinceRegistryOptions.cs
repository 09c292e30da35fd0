namespace Directives.Server.Tenancy;

/// <summary>
/// Where the embedded default keeps the registry, bound from the <c>Provinces</c> section:
/// <code>
/// "Provinces": {
///   "RegistryFile": "data/provinces.json",   // the live registry, rewritten atomically on every change
///   "SeedFile": null,                        // what a missing RegistryFile (or an empty control table) starts from; default: provinces.json beside the server
///   "ControlDatabase": null,                 // a PostgreSQL connection string: the registry is then the control table "provinces" there
///   "ReloadInterval": "00:00:30"             // with ControlDatabase: how often each replica rereads the table besides LISTEN/NOTIFY
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

    /// <summary>
    /// The connection string of the PostgreSQL control database. When set, <see cref="PostgresProvinceRegistry"/>
    /// is the registry (shared by every replica) and <see cref="RegistryFile"/> is not used.
    /// </summary>
    public string? ControlDatabase { get; set; }

    /// <summary>How often <see cref="PostgresProvinceRegistry"/> rereads the table in case a notification was missed.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string ResolveSeedFile() => SeedFile ?? Path.Combine(AppContext.BaseDirectory, DefaultSeedFileName);
}
