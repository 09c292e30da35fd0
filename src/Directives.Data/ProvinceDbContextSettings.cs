using Directives.Data.Changes;

namespace Directives.Data;

/// <summary>What a <see cref="ProvinceDbContext"/> knows beyond its connection: whose database it is and the clock and retentions it writes with.</summary>
/// <param name="ProvinceId">The province the database belongs to.</param>
/// <param name="TimeProvider">The clock of commit times.</param>
/// <param name="IdempotencyRetention">How long request_ids are remembered.</param>
/// <param name="SoftDeleteRetention">How long soft-deleted resources stay restorable.</param>
public sealed record ProvinceDbContextSettings(
    string ProvinceId,
    TimeProvider TimeProvider,
    TimeSpan IdempotencyRetention,
    TimeSpan SoftDeleteRetention)
{
    /// <summary>Told of each committed save's change log entries.</summary>
    public IReadOnlyList<IChangeCommitListener> CommitListeners { get; init; } = [];
}
