namespace Directives.Data.Storage;

/// <summary>The database engine that holds the provinces' databases.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file per province under <see cref="StorageOptions.DataDirectory"/>: the embedded default.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database per province, from <see cref="StorageOptions.ConnectionStrings"/> or <see cref="StorageOptions.ConnectionStringTemplate"/>.</summary>
    PostgreSql,
}
