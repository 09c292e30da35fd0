namespace Directives.Data.Configuration;

/// <summary>What the model needs to know of the provider: the few mappings that differ between SQLite and PostgreSQL.</summary>
internal sealed record ModelOptions(bool IsPostgreSql);
