namespace Directives.Server.Tenancy;

/// <summary>A province's storage could not be reached or prepared; the caller may retry.</summary>
internal sealed class ProvinceStorageUnavailableException(string provinceId, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ProvinceId { get; } = provinceId;
}
