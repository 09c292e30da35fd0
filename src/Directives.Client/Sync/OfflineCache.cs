using System.Globalization;
using Directives.Contracts.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Sync;

/// <summary>
/// A thick client's local copy of its province's resources, in one SQLite file: each resource's latest
/// snapshot by name (with its etag and a deleted flag), the change token it is current up to, and the
/// changes applied so far. A page of changes and the token after it are written in one transaction, so
/// a crash or a lost connection never skips a change nor applies one twice: the next sync starts from
/// the last committed token. Fill it with <see cref="ChangeSynchronizer"/>; read it offline.
/// </summary>
public sealed class OfflineCache : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS resources (
            name TEXT NOT NULL PRIMARY KEY,
            province TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            etag TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            snapshot BLOB,
            commit_time TEXT NOT NULL,
            change_token TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS resources_by_type ON resources (province, resource_type, name);
        CREATE TABLE IF NOT EXISTS applied_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            province TEXT NOT NULL,
            change_token TEXT NOT NULL UNIQUE,
            resource TEXT NOT NULL,
            kind TEXT NOT NULL,
            commit_time TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sync_state (
            province TEXT NOT NULL PRIMARY KEY,
            change_token TEXT NOT NULL,
            synced_at TEXT NOT NULL);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private OfflineCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the cache file at <paramref name="path"/>.</summary>
    public static async Task<OfflineCache> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = connection.CreateCommand())
            {
                // WAL: readers (the app's screens) do not block the synchronizer's writes.
                command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + Schema;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new OfflineCache(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The token the cache of <paramref name="province"/> is current up to; null before the first sync.</summary>
    public async Task<string?> GetChangeTokenAsync(string province, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT change_token FROM sync_state WHERE province = $province";
            command.Parameters.AddWithValue("$province", province);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The cached resource called <paramref name="name"/>, deleted or not; null if the cache has never seen it.</summary>
    public async Task<CachedResource?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("WHERE name = $name", [("$name", name)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The cached resources of <paramref name="province"/> of one type (<c>directives.gov.vn/Directive</c>), by name;
    /// soft-deleted and purged ones only when <paramref name="includeDeleted"/>.
    /// </summary>
    public Task<IReadOnlyList<CachedResource>> ListAsync(string province, string resourceType, bool includeDeleted = false, CancellationToken cancellationToken = default)
        => QueryAsync(
            "WHERE province = $province AND resource_type = $type" + (includeDeleted ? "" : " AND deleted = 0"),
            [("$province", province), ("$type", resourceType)],
            cancellationToken);

    /// <summary>The changes applied to <paramref name="province"/>'s cache, in the order they were applied.</summary>
    public async Task<IReadOnlyList<AppliedChange>> ListAppliedChangesAsync(string province, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT change_token, resource, kind FROM applied_changes WHERE province = $province ORDER BY sequence";
            command.Parameters.AddWithValue("$province", province);
            var changes = new List<AppliedChange>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                changes.Add(new AppliedChange(reader.GetString(0), reader.GetString(1), Enum.Parse<ChangeEvent.Types.Kind>(reader.GetString(2))));
            }

            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (in commit order) and records <paramref name="nextToken"/>, all
    /// or nothing. A change already applied (same token) fails the whole page: the feed never repeats one,
    /// so a repeat means a token went backwards, which must not pass silently.
    /// </summary>
    internal async Task ApplyAsync(string province, IReadOnlyList<ChangeEvent> changes, string nextToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var change in changes)
            {
                await UpsertAsync(province, change, transaction, cancellationToken).ConfigureAwait(false);
            }

            await using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO sync_state (province, change_token, synced_at) VALUES ($province, $token, $now)
                    ON CONFLICT (province) DO UPDATE SET change_token = excluded.change_token, synced_at = excluded.synced_at
                    """;
                command.Parameters.AddWithValue("$province", province);
                command.Parameters.AddWithValue("$token", nextToken);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task UpsertAsync(string province, ChangeEvent change, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var snapshot = Snapshots.Of(change);
        var commitTime = change.CommitTime?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? "";
        var deleted = change.Kind == ChangeEvent.Types.Kind.Deleted;
        await using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO resources (name, province, resource_type, etag, deleted, snapshot, commit_time, change_token)
                VALUES ($name, $province, $type, $etag, $deleted, $snapshot, $time, $token)
                ON CONFLICT (name) DO UPDATE SET resource_type = excluded.resource_type, etag = excluded.etag,
                    deleted = excluded.deleted, snapshot = excluded.snapshot, commit_time = excluded.commit_time,
                    change_token = excluded.change_token
                """;
            command.Parameters.AddWithValue("$name", change.Resource);
            command.Parameters.AddWithValue("$province", province);
            command.Parameters.AddWithValue("$type", change.ResourceType);
            command.Parameters.AddWithValue("$etag", change.Etag);
            command.Parameters.AddWithValue("$deleted", deleted ? 1 : 0);
            command.Parameters.AddWithValue("$snapshot", snapshot is null ? DBNull.Value : snapshot.ToByteArray());
            command.Parameters.AddWithValue("$time", commitTime);
            command.Parameters.AddWithValue("$token", change.ChangeToken);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO applied_changes (province, change_token, resource, kind, commit_time)
                VALUES ($province, $token, $name, $kind, $time)
                """;
            command.Parameters.AddWithValue("$province", province);
            command.Parameters.AddWithValue("$token", change.ChangeToken);
            command.Parameters.AddWithValue("$name", change.Resource);
            command.Parameters.AddWithValue("$kind", change.Kind.ToString());
            command.Parameters.AddWithValue("$time", commitTime);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<CachedResource>> QueryAsync(string where, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT name, resource_type, etag, deleted, snapshot FROM resources " + where + " ORDER BY name";
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var rows = new List<CachedResource>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var bytes = reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4);
                rows.Add(new CachedResource(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, bytes));
            }

            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }
}
