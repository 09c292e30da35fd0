using Microsoft.EntityFrameworkCore.Migrations;

namespace Directives.Data.Migrations;

/// <summary>
/// The few store types the migrations must spell per provider; every other column type follows from
/// its CLR type (Guid is uuid or TEXT, long is bigint or INTEGER…), as it does in the model.
/// </summary>
internal sealed class ProviderColumns(MigrationBuilder migrationBuilder)
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public bool IsPostgreSql { get; } = migrationBuilder.ActiveProvider == NpgsqlProvider;

    /// <summary>Owned entities mapped to JSON.</summary>
    public string Json => IsPostgreSql ? "jsonb" : "TEXT";

    /// <summary>A primitive collection of Guids: a PostgreSQL array, JSON text in SQLite.</summary>
    public string GuidList => IsPostgreSql ? "uuid[]" : "TEXT";

    /// <summary>A primitive collection of strings.</summary>
    public string StringList => IsPostgreSql ? "text[]" : "TEXT";

    /// <summary>Byte-wise comparison of ids and sort keys (see ResourceConfiguration.UseOrdinalCollation); SQLite's default is already byte-wise.</summary>
    public string? OrdinalCollation => IsPostgreSql ? "C" : null;
}
