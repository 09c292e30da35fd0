using Directives.Data.Storage;

namespace Directives.Server.Hosting;

/// <summary>
/// Whether the four first provinces get the demo data on startup, bound from the <c>DemoData</c> section:
/// <code>
/// "DemoData": { "Seed": true }   // default: seed with the embedded default storage (SQLite), not with PostgreSQL
/// </code>
/// A province is seeded only while its database is empty, so seeding is safe on every start.
/// </summary>
internal sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool? Seed { get; set; }

    public bool ShouldSeed(StorageProvider provider) => Seed ?? provider == StorageProvider.Sqlite;
}
