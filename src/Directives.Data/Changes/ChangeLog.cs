using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Changes;

/// <summary>
/// A province's audit trail and change feed, one table for both. <see cref="Record"/> queues an entry
/// that the next save writes in the same transaction as the change itself, so a change and its record
/// commit together or not at all. The queries read committed entries.
/// </summary>
public sealed class ChangeLog
{
    private readonly ProvinceDbContext _context;
    private readonly List<ChangeEntry> _pending = [];

    internal ChangeLog(ProvinceDbContext context) => _context = context;

    internal IReadOnlyList<ChangeEntry> Pending => _pending;

    /// <summary>Queues one changed resource for the next save.</summary>
    public void Record(ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Actor);
        _pending.Add(entry);
    }

    /// <summary>The entries after <paramref name="afterSequence"/> in sequence (commit) order, at most <paramref name="limit"/>, optionally of some resource types only.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ListAfterAsync(
        long afterSequence, int limit, IReadOnlyCollection<string>? resourceTypes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = _context.ChangeRecords.AsNoTracking().Where(c => c.Sequence > afterSequence);
        if (resourceTypes is { Count: > 0 })
        {
            var types = resourceTypes.ToArray();
            query = query.Where(c => types.Contains(c.ResourceType));
        }

        return await query.OrderBy(c => c.Sequence).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The history of one resource, newest first by default, as a keyset page: pass the last sequence
    /// of the previous page as <paramref name="beyondSequence"/> (below it when newest first, above it when oldest first).
    /// </summary>
    public async Task<IReadOnlyList<ChangeRecord>> HistoryAsync(
        string resourceName, long? beyondSequence, int limit, bool newestFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = _context.ChangeRecords.AsNoTracking().Where(c => c.ResourceName == resourceName);
        if (beyondSequence is { } beyond)
        {
            query = newestFirst ? query.Where(c => c.Sequence < beyond) : query.Where(c => c.Sequence > beyond);
        }

        query = newestFirst ? query.OrderByDescending(c => c.Sequence) : query.OrderBy(c => c.Sequence);
        return await query.Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The <see cref="ChangeSpan"/> of each of <paramref name="resourceNames"/> that has entries, by name;
    /// read without the snapshots, through the resource index.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChangeSpan>> SpansAsync(IReadOnlyCollection<string> resourceNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceNames);
        if (resourceNames.Count == 0)
        {
            return new Dictionary<string, ChangeSpan>(StringComparer.Ordinal);
        }

        var names = resourceNames.Distinct(StringComparer.Ordinal).ToArray();
        var rows = await _context.ChangeRecords.AsNoTracking()
            .Where(c => names.Contains(c.ResourceName))
            .Select(c => new { c.ResourceName, c.Sequence, c.CommitTicks, c.ActorSubject, c.ActorDisplayName, c.ActorAgency, c.ActorRoles })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.ResourceName, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var first = g.MinBy(r => r.Sequence)!;
                    var last = g.MaxBy(r => r.Sequence)!;
                    return new ChangeSpan(
                        g.Key,
                        new DateTimeOffset(first.CommitTicks, TimeSpan.Zero),
                        new ChangeActor(first.ActorSubject, first.ActorDisplayName, first.ActorAgency, first.ActorRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                        new DateTimeOffset(last.CommitTicks, TimeSpan.Zero));
                },
                StringComparer.Ordinal);
    }

    /// <summary>The entry with this sequence number, or null.</summary>
    public Task<ChangeRecord?> FindAsync(long sequence, CancellationToken cancellationToken)
        => _context.ChangeRecords.AsNoTracking().FirstOrDefaultAsync(c => c.Sequence == sequence, cancellationToken);

    /// <summary>The newest committed sequence number; 0 while nothing has changed.</summary>
    public Task<long> HeadAsync(CancellationToken cancellationToken)
        => _context.FeedHeads.AsNoTracking().Select(h => h.Sequence).SingleAsync(cancellationToken);

    internal void ClearPending() => _pending.Clear();
}
