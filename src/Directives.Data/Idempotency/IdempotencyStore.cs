using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Idempotency;

/// <summary>
/// The request_ids a province database remembers, written in the same transaction as the Create they
/// belong to: a Create either commits with its record or not at all.
/// </summary>
public sealed class IdempotencyStore
{
    private readonly ProvinceDbContext _context;
    private readonly TimeSpan _retention;

    internal IdempotencyStore(ProvinceDbContext context, TimeSpan retention)
    {
        _context = context;
        _retention = retention;
    }

    /// <summary>The unexpired record of <paramref name="requestId"/>, or null.</summary>
    public async Task<IdempotencyRecord?> FindAsync(string requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var record = await _context.IdempotencyRecords.FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        return record is not null && record.ExpireTicks > now.UtcTicks ? record : null;
    }

    /// <summary>
    /// Remembers a Create; saved by the next <see cref="ProvinceDbContext.SaveChangesAsync(CancellationToken)"/>
    /// together with the resource. Two concurrent first calls with one request_id cannot both commit: the
    /// second fails with <see cref="Errors.DuplicateKeyException"/> (<see cref="Errors.UniqueKey.RequestId"/>),
    /// after which the Server reads the winner's record and answers as for a retry.
    /// </summary>
    public IdempotencyRecord Remember(string requestId, string method, byte[] fingerprint, string resourceName, byte[]? response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(resourceName);

        // An expired record of the same request_id still holds the key until purged: reuse its row.
        var existing = _context.IdempotencyRecords.Local.FirstOrDefault(r => r.RequestId == requestId);
        var record = existing ?? new IdempotencyRecord
        {
            RequestId = requestId,
            Method = method,
            Fingerprint = fingerprint,
            ResourceName = resourceName,
        };
        record.Method = method;
        record.Fingerprint = fingerprint;
        record.ResourceName = resourceName;
        record.Response = response;
        record.CreateTicks = now.UtcTicks;
        record.ExpireTicks = (now + _retention).UtcTicks;
        if (existing is null)
        {
            _context.IdempotencyRecords.Add(record);
        }

        return record;
    }

    /// <summary>Deletes the records expired at <paramref name="now"/>; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
        => _context.IdempotencyRecords.Where(r => r.ExpireTicks <= now.UtcTicks).ExecuteDeleteAsync(cancellationToken);
}
