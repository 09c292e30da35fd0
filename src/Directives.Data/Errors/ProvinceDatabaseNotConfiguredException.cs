namespace Directives.Data.Errors;

/// <summary>No database is configured for a province (PostgreSQL without its connection string or a template).</summary>
public sealed class ProvinceDatabaseNotConfiguredException(string provinceId)
    : StorageException($"No database is configured for province '{provinceId}': set Storage:ConnectionStrings:{provinceId} or Storage:ConnectionStringTemplate.", null)
{
    public string ProvinceId { get; } = provinceId;
}
