namespace Directives.Server.Tenancy;

/// <summary>A province named by a resource name in a request.</summary>
/// <param name="Field">The field path, as in error details: <c>parent</c>, <c>task.cooperating_agencies[1]</c>.</param>
/// <param name="Province">The province id, or <c>-</c> for every province.</param>
internal readonly record struct ProvinceReference(string Field, string Province)
{
    public bool IsAllProvinces => Province == ProvinceNames.AllProvinces;
}
