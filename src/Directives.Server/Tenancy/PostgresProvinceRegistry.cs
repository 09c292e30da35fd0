using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Directives.Server.Tenancy;

/// <summary>
/// The registry shared by every replica: the control table <c>provinces</c> in the PostgreSQL database of
/// <see cref="ProvinceRegistryOptions.ControlDatabase"/>. The table is created when missing and filled from
/// the seed when empty. Reads use an immutable in-memory snapshot, refreshed after every write here and by
/// <see cref="ProvinceRegistryListener"/> (<c>LISTEN provinces_changed</c> and a periodic reload) for writes
/// of other replicas. Writes take a transaction-scoped advisory lock, so they run one at a time across
/// replicas and the rules are checked against exactly what is committed.
/// </summary>
internal sealed partial class PostgresProvinceRegistry : IProvinceRegistry, IDisposable, IAsyncDisposable
{
    /// <summary>The channel of <c>NOTIFY</c> after every write.</summary>
    public const string ChangedChannel = "provinces_changed";

    /// <summary>The advisory lock that serializes creating, seeding and writing the table ("DIRREG01").</summary>
    private const long LockKey = 0x4449_5252_4547_3031;

    private const string Columns =
        "id, display_name, state, predecessors, successor, succession_date, time_zone, storage_location, version, create_time, update_time, create_request_id";

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS provinces (
            id text PRIMARY KEY,
            display_name text NOT NULL,
            state text NOT NULL,
            predecessors text[] NOT NULL DEFAULT '{}',
            successor text NULL,
            succession_date date NULL,
            time_zone text NOT NULL,
            storage_location text NULL,
            version bigint NOT NULL,
            create_time timestamptz NOT NULL,
            update_time timestamptz NOT NULL,
            create_request_id text NULL)
        """;

    private const string SelectSql = "SELECT " + Columns + " FROM provinces";

    private const string InsertSql = "INSERT INTO provinces (" + Columns + """
        ) VALUES (@id, @display_name, @state, @predecessors, @successor, @succession_date, @time_zone, @storage_location, @version, @create_time, @update_time, @create_request_id)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE provinces SET display_name = @display_name, state = @state, predecessors = @predecessors, successor = @successor,
            succession_date = @succession_date, time_zone = @time_zone, storage_location = @storage_location, version = @version,
            create_time = @create_time, update_time = @update_time, create_request_id = @create_request_id
        WHERE id = @id AND version = @version - 1
        """;

    private readonly ProvinceRegistryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresProvinceRegistry> _logger;
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile Snapshot? _snapshot;

    public PostgresProvinceRegistry(IOptions<ProvinceRegistryOptions> options, TimeProvider timeProvider, ILogger<PostgresProvinceRegistry> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var connectionString = _options.ControlDatabase is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"{ProvinceRegistryOptions.SectionName}:{nameof(ProvinceRegistryOptions.ControlDatabase)} is not set.");
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async ValueTask<ProvinceRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await InitializeAsync(cancellationToken);
        return snapshot.ById.GetValueOrDefault(id);
    }

    public async ValueTask<IReadOnlyList<ProvinceRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await InitializeAsync(cancellationToken);
        return snapshot.Ordered;
    }

    public async Task SaveAsync(IReadOnlyList<ProvinceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        _ = _snapshot ?? await InitializeAsync(cancellationToken);
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, cancellationToken);
            foreach (var record in records)
            {
                if (await WriteAsync(connection, transaction, record, cancellationToken) != 1)
                {
                    // Disposing the transaction without a commit rolls back the rows already written.
                    throw new ProvinceRegistryConflictException(record.Id);
                }
            }

            ProvinceRegistryRules.Validate(await ReadAsync(connection, transaction, cancellationToken));

            // Delivered to the listeners when the transaction commits, and not at all if it does not.
            await ExecuteAsync(connection, transaction, "NOTIFY " + ChangedChannel, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Committed: this replica sees its own write at once, even if the caller gives up now.
        await ReloadAsync(CancellationToken.None);
    }

    /// <summary>Rereads the table into the snapshot (creating and seeding it first if this replica has not yet).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is null)
        {
            await InitializeAsync(cancellationToken);
            return;
        }

        await ReloadCoreAsync(cancellationToken);
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _initializeLock.Dispose();
        _reloadLock.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _initializeLock.Dispose();
        _reloadLock.Dispose();
    }

    private async Task<Snapshot> InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            await CreateAndSeedAsync(cancellationToken);
            return await ReloadCoreAsync(cancellationToken);
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>
    /// Creates the table and fills it from the seed if it is empty, in one transaction under the advisory
    /// lock: replicas starting together wait for each other, and the first one seeds for all.
    /// </summary>
    private async Task CreateAndSeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, CreateTableSql, cancellationToken);
        await using (var count = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM provinces)", connection, transaction))
        {
            if ((bool)(await count.ExecuteScalarAsync(cancellationToken))!)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }
        }

        var seedFile = _options.ResolveSeedFile();
        var document = await JsonProvinceRegistry.ReadDocumentAsync(seedFile, cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var records = document.Provinces.Select(province => ProvinceDocumentMapping.ToRecord(province, now)).ToList();
        try
        {
            ProvinceRegistryRules.Validate(records);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"The province registry seed {seedFile} is invalid: {exception.Message}", exception);
        }

        foreach (var record in records)
        {
            await WriteAsync(connection, transaction, record with { Version = 1 }, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "NOTIFY " + ChangedChannel, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(_logger, seedFile, records.Count);
    }

    /// <summary>Reads the whole table and publishes it; reloads run one at a time, so a slower older read never replaces a newer one.</summary>
    private async Task<Snapshot> ReloadCoreAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var snapshot = new Snapshot(await ReadAsync(connection, transaction: null, cancellationToken));
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private async Task<List<ProvinceRecord>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var records = new List<ProvinceRecord>();
        await using var command = new NpgsqlCommand(SelectSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Through the file's form, so that states are parsed and spelled in one place.
            records.Add(ProvinceDocumentMapping.ToRecord(
                new ProvinceDocument
                {
                    Id = reader.GetString(0),
                    DisplayName = reader.GetString(1),
                    State = reader.GetString(2),
                    Predecessors = [.. reader.GetFieldValue<string[]>(3)],
                    Successor = reader.IsDBNull(4) ? null : reader.GetString(4),
                    SuccessionDate = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    TimeZone = reader.GetString(6),
                    StorageLocation = reader.IsDBNull(7) ? null : reader.GetString(7),
                    Version = reader.GetInt64(8),
                    CreateTime = reader.GetFieldValue<DateTimeOffset>(9),
                    UpdateTime = reader.GetFieldValue<DateTimeOffset>(10),
                    CreateRequestId = reader.IsDBNull(11) ? null : reader.GetString(11),
                },
                now));
        }

        return records;
    }

    /// <summary>Adds a version 1 record or replaces version n − 1 by version n; returns the rows written (0 when the version check failed).</summary>
    private static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ProvinceRecord record, CancellationToken cancellationToken)
    {
        var document = ProvinceDocumentMapping.ToDocument(record);
        await using var command = new NpgsqlCommand(record.Version == 1 ? InsertSql : UpdateSql, connection, transaction);
        var parameters = command.Parameters;
        parameters.AddWithValue("id", NpgsqlDbType.Text, record.Id);
        parameters.AddWithValue("display_name", NpgsqlDbType.Text, record.DisplayName);
        parameters.AddWithValue("state", NpgsqlDbType.Text, document.State);
        parameters.AddWithValue("predecessors", NpgsqlDbType.Array | NpgsqlDbType.Text, record.Predecessors.ToArray());
        parameters.AddWithValue("successor", NpgsqlDbType.Text, (object?)record.Successor ?? DBNull.Value);
        parameters.AddWithValue("succession_date", NpgsqlDbType.Date, record.SuccessionDate is { } date ? date : DBNull.Value);
        parameters.AddWithValue("time_zone", NpgsqlDbType.Text, record.TimeZone);
        parameters.AddWithValue("storage_location", NpgsqlDbType.Text, (object?)record.StorageLocation ?? DBNull.Value);
        parameters.AddWithValue("version", NpgsqlDbType.Bigint, record.Version);
        parameters.AddWithValue("create_time", NpgsqlDbType.TimestampTz, record.CreateTime.ToUniversalTime());
        parameters.AddWithValue("update_time", NpgsqlDbType.TimestampTz, record.UpdateTime.ToUniversalTime());
        parameters.AddWithValue("create_request_id", NpgsqlDbType.Text, (object?)record.CreateRequestId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", NpgsqlDbType.Bigint, LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled the empty province control table from {SeedFile} with {Count} provinces.")]
    private static partial void LogSeeded(ILogger logger, string seedFile, int count);

    private sealed class Snapshot(IReadOnlyList<ProvinceRecord> records)
    {
        public FrozenDictionary<string, ProvinceRecord> ById { get; } = records.ToFrozenDictionary(record => record.Id, StringComparer.Ordinal);

        // Ordinal, whatever the collation of the control database.
        public IReadOnlyList<ProvinceRecord> Ordered { get; } = [.. records.OrderBy(record => record.Id, StringComparer.Ordinal)];
    }
}
