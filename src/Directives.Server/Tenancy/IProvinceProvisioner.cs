namespace Directives.Server.Tenancy;

/// <summary>
/// Creates and migrates the database of a province being registered, before the registry lists it
/// (CreateProvince). The Data layer's migrator implements it, through an adapter in the server since
/// Directives.Data does not reference the server; <see cref="DeferredProvinceProvisioner"/> stands in until then.
/// </summary>
internal interface IProvinceProvisioner
{
    /// <summary>
    /// Checks, writing nothing, that <paramref name="province"/>'s storage location is known and can be
    /// reached (CreateProvince with <c>validate_only</c>). Throws <see cref="UnknownStorageLocationException"/>
    /// or <see cref="ProvinceStorageUnavailableException"/>.
    /// </summary>
    Task CheckAsync(ProvinceRecord province, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the province's database if it does not exist and applies every migration. Idempotent: it
    /// runs again for the same province after a failure or a concurrent registration. Throws as
    /// <see cref="CheckAsync"/> does.
    /// </summary>
    Task ProvisionAsync(ProvinceRecord province, CancellationToken cancellationToken);
}
