namespace Directives.Data.Storage;

/// <summary>
/// Where the provinces' databases are, bound from the <c>Storage</c> configuration section:
/// <code>
/// "Storage": {
///   "Provider": "Sqlite",                  // or "PostgreSql"
///   "DataDirectory": "data",               // Sqlite: data/{province}.db
///   "ConnectionStrings": {                 // PostgreSql: one entry per province …
///     "hung-yen": "Host=db1;Database=hung_yen;Username=…"
///   },
///   "ConnectionStringTemplate": "Host=db1;Database=directives_{province};Username=…", // … or a template
///   "IdempotencyRetention": "1.00:00:00",
///   "SoftDeleteRetention": "30.00:00:00"
/// }
/// </code>
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The placeholder a <see cref="ConnectionStringTemplate"/> replaces with the province id.</summary>
    public const string ProvincePlaceholder = "{province}";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The folder of the SQLite files, one <c>{province}.db</c> each; relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL connection strings by province id; an entry wins over <see cref="ConnectionStringTemplate"/>.</summary>
    public Dictionary<string, string> ConnectionStrings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A PostgreSQL connection string with <c>{province}</c> where the province id goes, verbatim:
    /// <c>Database=directives_{province}</c> names the database <c>directives_hung-yen</c> for <c>hung-yen</c>.
    /// </summary>
    public string? ConnectionStringTemplate { get; set; }

    /// <summary>How long a request_id is remembered; at least 24 hours, as the API promises.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a soft-deleted resource stays restorable before its purge time.</summary>
    public TimeSpan SoftDeleteRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a SQLite writer waits for another writer of the same province before failing.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
