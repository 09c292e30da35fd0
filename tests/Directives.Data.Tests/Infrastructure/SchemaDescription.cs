using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>A database's schema as sorted lines (tables, columns, keys, indexes), to compare two databases.</summary>
public static class SchemaDescription
{
    public static async Task<IReadOnlyList<string>> ReadAsync(ProvinceDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var lines = new List<string>();
        if (db.Database.IsNpgsql())
        {
            lines.AddRange(await QueryAsync(connection, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable
                       || ' len=' || coalesce(character_maximum_length::text, '-') || ' collation=' || coalesce(collation_name, '-')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EFMigrations%'
                """));
            lines.AddRange(await QueryAsync(connection, """
                SELECT 'index ' || indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EFMigrations%'
                """));
            lines.AddRange(await QueryAsync(connection, """
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrations%'
                """));
        }
        else
        {
            var tables = await QueryAsync(connection, """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'
                """);
            foreach (var table in tables)
            {
                lines.Add("table " + table);
                lines.AddRange(await QueryAsync(connection, $"""
                    SELECT 'column {table}.' || name || ' ' || type || ' notnull=' || "notnull" || ' pk=' || pk FROM pragma_table_info('{table}')
                    """));
                lines.AddRange(await QueryAsync(connection, $"""
                    SELECT 'foreign key {table}.' || "from" || ' -> ' || "table" || '.' || "to" || ' ' || on_delete FROM pragma_foreign_key_list('{table}')
                    """));
            }

            lines.AddRange(await QueryAsync(connection, """
                SELECT 'index ' || sql FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '__EFMigrations%'
                """));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
