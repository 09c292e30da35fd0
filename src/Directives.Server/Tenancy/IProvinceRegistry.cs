namespace Directives.Server.Tenancy;

/// <summary>
/// The registry of provinces (tenants). Read on every call, so reads are served from memory; writes are
/// rare and go through <see cref="ProvinceAdministration"/>, which keeps the rules (links both ways,
/// no cycles, provisioning first). The embedded default is <see cref="JsonProvinceRegistry"/>; several
/// replicas share <see cref="PostgresProvinceRegistry"/> (<c>Provinces:ControlDatabase</c>).
/// </summary>
internal interface IProvinceRegistry
{
    /// <summary>The province with id <paramref name="id"/>, or null.</summary>
    ValueTask<ProvinceRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every province in every state, ordered by id.</summary>
    ValueTask<IReadOnlyList<ProvinceRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="records"/> all or nothing, with optimistic concurrency: a record of
    /// <see cref="ProvinceRecord.Version"/> 1 is added and must not exist yet; a record of version n
    /// replaces the stored version n − 1. Otherwise nothing is written and
    /// <see cref="ProvinceRegistryConflictException"/> is thrown. Every replica sees the change without a restart.
    /// </summary>
    Task SaveAsync(IReadOnlyList<ProvinceRecord> records, CancellationToken cancellationToken);
}
