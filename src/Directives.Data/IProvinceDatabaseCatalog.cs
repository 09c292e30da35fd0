namespace Directives.Data;

/// <summary>Which provinces have a database, for the ministry's cross-province reads.</summary>
public interface IProvinceDatabaseCatalog
{
    /// <summary>
    /// The province ids that have a database, in ordinal order: the SQLite files in the data folder, or the
    /// PostgreSQL databases configured one by one and those on the template's server whose name fits the template.
    /// The tenant registry decides which of them are active.
    /// </summary>
    Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken);
}
