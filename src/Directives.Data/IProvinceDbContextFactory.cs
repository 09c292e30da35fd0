namespace Directives.Data;

/// <summary>Opens province databases. The province comes from the caller's resolved tenant, never from a request field.</summary>
public interface IProvinceDbContextFactory
{
    /// <summary>A new context on <paramref name="provinceId"/>'s database; dispose it at the end of the unit of work.</summary>
    /// <exception cref="ArgumentException">The id is not a province id.</exception>
    /// <exception cref="Errors.ProvinceDatabaseNotConfiguredException">PostgreSQL has no connection string for the province.</exception>
    Task<ProvinceDbContext> CreateAsync(string provinceId, CancellationToken cancellationToken);
}
