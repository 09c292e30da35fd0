using Directives.Data.Errors;
using Microsoft.Data.Sqlite;

namespace Directives.Data.Storage;

/// <summary>The connection string of each province's database, from <see cref="StorageOptions"/>.</summary>
internal static class ProvinceConnectionStrings
{
    public const string SqliteExtension = ".db";

    public static string For(StorageOptions options, string provinceId)
    {
        ProvinceIds.ThrowIfInvalid(provinceId);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteConnectionStringBuilder
            {
                DataSource = SqlitePath(options, provinceId),
                ForeignKeys = true,
                Pooling = true,
                DefaultTimeout = (int)Math.Ceiling(options.SqliteBusyTimeout.TotalSeconds),
            }.ToString(),
            StorageProvider.PostgreSql => options.ConnectionStrings.GetValueOrDefault(provinceId)
                ?? options.ConnectionStringTemplate?.Replace(StorageOptions.ProvincePlaceholder, provinceId, StringComparison.Ordinal)
                ?? throw new ProvinceDatabaseNotConfiguredException(provinceId),
            _ => throw new InvalidOperationException($"Unknown storage provider {options.Provider}."),
        };
    }

    public static string SqlitePath(StorageOptions options, string provinceId)
        => Path.Combine(Path.GetFullPath(options.DataDirectory), provinceId + SqliteExtension);
}
