namespace Directives.Server.Tenancy;

/// <summary>A registry write lost a race: the entry was added or changed since it was read.</summary>
internal sealed class ProvinceRegistryConflictException(string provinceId)
    : Exception($"The registry entry of '{provinceId}' was changed concurrently.")
{
    public string ProvinceId { get; } = provinceId;
}
