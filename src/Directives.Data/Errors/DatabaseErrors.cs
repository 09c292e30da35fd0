using Directives.Data.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Directives.Data.Errors;

/// <summary>Turns the providers' exceptions for broken unique indexes and stale etags into <see cref="StorageException"/>s.</summary>
internal static class DatabaseErrors
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (extended result codes).
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const string SqliteUniqueMessage = "UNIQUE constraint failed: ";

    public static Exception? Translate(Exception exception, IModel model) => exception switch
    {
        DbUpdateConcurrencyException => new ConcurrencyConflictException(exception),
        DbUpdateException { InnerException: { } inner } => Translate(inner, model, exception),
        _ => Translate(exception, model, exception),
    };

    private static DuplicateKeyException? Translate(Exception providerException, IModel model, Exception thrown) => providerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
            => new DuplicateKeyException(KeyOfIndex(postgres.ConstraintName), postgres.ConstraintName, thrown),
        SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite
            => FromSqlite(sqlite, model, thrown),
        _ => null,
    };

    // SQLite names the columns, not the index: "UNIQUE constraint failed: directives.number_canonical, directives.issue_year".
    private static DuplicateKeyException FromSqlite(SqliteException exception, IModel model, Exception thrown)
    {
        var message = exception.Message;
        var start = message.IndexOf(SqliteUniqueMessage, StringComparison.Ordinal);
        if (start < 0)
        {
            return new DuplicateKeyException(UniqueKey.Other, null, thrown);
        }

        var columns = message[(start + SqliteUniqueMessage.Length)..].TrimEnd('.', '\'', ' ')
            .Split(", ")
            .Select(c => c.Trim())
            .ToArray();
        var indexName = FindIndexName(model, columns);
        return new DuplicateKeyException(KeyOfIndex(indexName), indexName, thrown);
    }

    private static string? FindIndexName(IModel model, string[] qualifiedColumns)
    {
        foreach (var table in model.GetRelationalModel().Tables)
        {
            var names = qualifiedColumns.Select(c => c.StartsWith(table.Name + ".", StringComparison.Ordinal) ? c[(table.Name.Length + 1)..] : null).ToArray();
            if (names.Any(n => n is null))
            {
                continue;
            }

            if (table.PrimaryKey is { } primaryKey && primaryKey.Columns.Select(c => c.Name).SequenceEqual(names))
            {
                return primaryKey.Name;
            }

            foreach (var constraint in table.UniqueConstraints)
            {
                if (constraint.Columns.Select(c => c.Name).SequenceEqual(names))
                {
                    return constraint.Name;
                }
            }

            foreach (var index in table.Indexes.Where(i => i.IsUnique))
            {
                if (index.Columns.Select(c => c.Name).SequenceEqual(names))
                {
                    return index.Name;
                }
            }
        }

        return null;
    }

    private static UniqueKey KeyOfIndex(string? indexName) => indexName switch
    {
        UniqueIndexes.DirectiveNumber => UniqueKey.DirectiveNumber,
        UniqueIndexes.TaskNumber => UniqueKey.TaskNumber,
        "pk_idempotency_keys" => UniqueKey.RequestId,
        not null when indexName.StartsWith("ux_", StringComparison.Ordinal) && indexName.EndsWith("_resource_id", StringComparison.Ordinal) => UniqueKey.ResourceId,
        _ => UniqueKey.Other,
    };
}
