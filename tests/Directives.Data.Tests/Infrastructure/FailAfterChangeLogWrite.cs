using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>
/// Fails a save once the database has executed both the resource's write and the change log's insert,
/// that is after everything was written but before the commit, to prove the rollback takes it all.
/// </summary>
public sealed class FailAfterChangeLogWrite(string resourceTable) : DbCommandInterceptor
{
    private bool _resourceWritten;
    private bool _changeWritten;

    public bool Failed { get; private set; }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Observe(command.CommandText);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Observe(command.CommandText);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Observe(string sql)
    {
        var text = sql.Replace("\"", "", StringComparison.Ordinal);
        _resourceWritten |= text.Contains($"INSERT INTO {resourceTable} ", StringComparison.Ordinal) || text.Contains($"UPDATE {resourceTable} ", StringComparison.Ordinal);
        _changeWritten |= text.Contains("INSERT INTO changes ", StringComparison.Ordinal);
        if (_resourceWritten && _changeWritten && !Failed)
        {
            Failed = true;
            throw new InvalidOperationException("Simulated failure after the resource and its change entry were written.");
        }
    }
}
