using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Directives.Data.Changes;

/// <summary>
/// Hands out the sequence numbers of a transaction's changes from the <c>feed_head</c> row.
/// </summary>
/// <remarks>
/// A reader of the feed that has seen sequence N must never later find an entry below N, so numbers
/// must be assigned in commit order, with no gaps. Both follow from taking them by updating one row
/// inside the writing transaction:
/// <list type="bullet">
/// <item>PostgreSQL: the UPDATE takes the row lock and keeps it until the transaction ends. A second
/// writer's UPDATE waits for it, and when the first commits it reads the committed value: so the second
/// gets the next numbers and commits strictly after the first has become visible. A rollback undoes the
/// increment with everything else, leaving no gap. The lock is taken as the last step before commit, so
/// writers of a province serialize only for that short tail.</item>
/// <item>SQLite: a database has a single writer at a time (write transactions start with BEGIN IMMEDIATE),
/// so transactions commit in the order they take their numbers.</item>
/// </list>
/// Commit times are carried in the same row and never decrease along the sequence.
/// </remarks>
internal static class FeedSequencer
{
    /// <summary>Reserves <paramref name="count"/> numbers; returns the first and the commit time to record.</summary>
    public static async Task<(long First, long CommitTicks)> ReserveAsync(DatabaseFacade database, int count, long nowTicks, CancellationToken cancellationToken)
    {
        var transaction = database.CurrentTransaction
            ?? throw new InvalidOperationException("Change sequences are reserved only inside the writing transaction.");
        var greatest = database.IsNpgsql() ? "GREATEST" : "max";
        var connection = database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText =
            $"UPDATE feed_head SET sequence = sequence + @count, commit_ticks = {greatest}(commit_ticks, @now) " +
            $"WHERE id = {FeedHead.SingletonId} RETURNING sequence, commit_ticks";
        AddParameter(command, "@count", (long)count);
        AddParameter(command, "@now", nowTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The feed_head row is missing; the province database has not been migrated.");
        }

        var last = reader.GetInt64(0);
        return (last - count + 1, reader.GetInt64(1));
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
