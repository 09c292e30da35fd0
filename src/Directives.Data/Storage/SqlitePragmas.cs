using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Directives.Data.Storage;

/// <summary>
/// Per-connection SQLite settings. WAL (set once per file by the migrator, it persists) lets readers
/// run beside the single writer; in WAL mode synchronous=NORMAL is durable across application crashes;
/// busy_timeout makes a second writer wait for the first instead of failing at once.
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public TimeSpan BusyTimeout { get; } = busyTimeout;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
