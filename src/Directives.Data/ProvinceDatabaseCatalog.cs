using Directives.Data.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Directives.Data;

internal sealed class ProvinceDatabaseCatalog(IOptionsMonitor<StorageOptions> options) : IProvinceDatabaseCatalog
{
    // A province id cannot contain this, so it marks where the id goes in a templated database name.
    private const string Marker = "PROVINCEMARKER";

    public async Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        if (current.Provider == StorageProvider.Sqlite)
        {
            var folder = Path.GetFullPath(current.DataDirectory);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*" + ProvinceConnectionStrings.SqliteExtension))
                {
                    var id = Path.GetFileNameWithoutExtension(file);
                    if (ProvinceIds.IsValid(id))
                    {
                        provinces.Add(id);
                    }
                }
            }

            return provinces.ToArray();
        }

        provinces.UnionWith(current.ConnectionStrings.Keys.Where(ProvinceIds.IsValid));
        if (current.ConnectionStringTemplate is { } template)
        {
            foreach (var id in await ListTemplatedAsync(template, cancellationToken))
            {
                provinces.Add(id);
            }
        }

        return provinces.ToArray();
    }

    private static async Task<IEnumerable<string>> ListTemplatedAsync(string template, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(template.Replace(StorageOptions.ProvincePlaceholder, Marker, StringComparison.Ordinal));
        var pattern = builder.Database;
        if (pattern is null || !pattern.Contains(Marker, StringComparison.Ordinal))
        {
            return [];
        }

        var prefix = pattern[..pattern.IndexOf(Marker, StringComparison.Ordinal)];
        var suffix = pattern[(pattern.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..];
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (name.Length > prefix.Length + suffix.Length
                && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.EndsWith(suffix, StringComparison.Ordinal)
                && name[prefix.Length..^suffix.Length] is var id
                && ProvinceIds.IsValid(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
