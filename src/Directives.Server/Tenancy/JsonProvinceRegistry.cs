using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Directives.Server.Tenancy;

/// <summary>
/// The embedded default registry: a JSON file (<see cref="ProvinceRegistryOptions.RegistryFile"/>), started
/// from the shipped seed the first time, held in memory as an immutable snapshot that every read uses
/// without locking, and rewritten atomically (temporary file, then rename) on every change. One server
/// process owns the file; several replicas need a shared registry (a PostgreSQL control table).
/// </summary>
internal sealed partial class JsonProvinceRegistry : IProvinceRegistry, IDisposable
{
    private static readonly JsonTypeInfo<ProvinceRegistryDocument> DocumentJson = CreateTypeInfo();

    private readonly ProvinceRegistryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<JsonProvinceRegistry> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _snapshot;

    public JsonProvinceRegistry(IOptions<ProvinceRegistryOptions> options, TimeProvider timeProvider, ILogger<JsonProvinceRegistry> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The live registry file's full path.</summary>
    public string RegistryFile => Path.GetFullPath(_options.RegistryFile);

    public async ValueTask<ProvinceRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await LoadAsync(cancellationToken);
        return snapshot.ById.GetValueOrDefault(id);
    }

    public async ValueTask<IReadOnlyList<ProvinceRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot ?? await LoadAsync(cancellationToken);
        return snapshot.Ordered;
    }

    public async Task SaveAsync(IReadOnlyList<ProvinceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await LoadAsync(cancellationToken);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot!;
            var next = new Dictionary<string, ProvinceRecord>(current.ById, StringComparer.Ordinal);
            foreach (var record in records)
            {
                var stored = current.ById.GetValueOrDefault(record.Id);
                var expectedVersion = stored is null ? 1 : stored.Version + 1;
                if (record.Version != expectedVersion)
                {
                    throw new ProvinceRegistryConflictException(record.Id);
                }

                next[record.Id] = record;
            }

            ProvinceRegistryRules.Validate(next.Values);
            var snapshot = new Snapshot(next, current.About);
            await WriteAsync(snapshot, cancellationToken);
            _snapshot = snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async ValueTask<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            var path = RegistryFile;
            var seeded = !File.Exists(path);
            var source = seeded ? _options.ResolveSeedFile() : path;
            var document = await ReadDocumentAsync(source, cancellationToken);
            var now = _timeProvider.GetUtcNow();
            var records = document.Provinces.Select(province => ProvinceDocumentMapping.ToRecord(province, now)).ToList();
            try
            {
                ProvinceRegistryRules.Validate(records);
            }
            catch (InvalidDataException exception)
            {
                throw new InvalidDataException($"The province registry {source} is invalid: {exception.Message}", exception);
            }

            var snapshot = new Snapshot(records.ToDictionary(record => record.Id, StringComparer.Ordinal), document.About);
            if (seeded)
            {
                await WriteAsync(snapshot, cancellationToken);
                LogSeeded(_logger, path, source, snapshot.Ordered.Count);
            }

            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads a registry file or seed; a missing or malformed file is an <see cref="InvalidDataException"/>.</summary>
    internal static async Task<ProvinceRegistryDocument> ReadDocumentAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, DocumentJson, cancellationToken)
                ?? throw new InvalidDataException($"The province registry {path} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The province registry {path} is not valid JSON: {exception.Message}", exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new InvalidDataException($"The province registry seed {path} does not exist (Provinces:SeedFile).", exception);
        }
    }

    /// <summary>Writes beside the target and renames over it, so a crash leaves the old file or the new one, never half of one.</summary>
    private async Task WriteAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        var path = RegistryFile;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var document = new ProvinceRegistryDocument
            {
                About = snapshot.About,
                Provinces = [.. snapshot.Ordered.Select(ProvinceDocumentMapping.ToDocument)],
            };
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(stream, document, DocumentJson, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static JsonTypeInfo<ProvinceRegistryDocument> CreateTypeInfo()
    {
        // Vietnamese names stay readable in the file ("Hưng Yên", not "H\u01B0ng Y\u00EAn"); it is never served as HTML.
        var options = new JsonSerializerOptions(ProvinceRegistryJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return (JsonTypeInfo<ProvinceRegistryDocument>)options.GetTypeInfo(typeof(ProvinceRegistryDocument));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the province registry {RegistryFile} from {SeedFile} with {Count} provinces.")]
    private static partial void LogSeeded(ILogger logger, string registryFile, string seedFile, int count);

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyDictionary<string, ProvinceRecord> byId, string? about = null)
        {
            ById = byId.ToFrozenDictionary(StringComparer.Ordinal);
            Ordered = [.. byId.Values.OrderBy(record => record.Id, StringComparer.Ordinal)];
            About = about;
        }

        public FrozenDictionary<string, ProvinceRecord> ById { get; }

        public IReadOnlyList<ProvinceRecord> Ordered { get; }

        public string? About { get; }
    }
}
