using Directives.Server.Api;

namespace Directives.Server.Tenancy;

/// <summary>Province ids (<c>hung-yen</c>) and province resource names (<c>provinces/hung-yen</c>).</summary>
internal static class ProvinceNames
{
    /// <summary>The collection segment every province-scoped resource name starts with.</summary>
    public const string Prefix = "provinces/";

    /// <summary>The AIP-159 wildcard that stands for every province.</summary>
    public const string AllProvinces = ResourceId.Wildcard;

    /// <summary>Whether <paramref name="id"/> is a resource id: 1 to 63 of <c>a-z</c>, <c>0-9</c>, <c>-</c>, not starting or ending with <c>-</c>.</summary>
    public static bool IsValidId(string? id) => id is not null && ResourceId.IsValid(id);

    /// <summary><c>provinces/{id}</c>.</summary>
    public static string Format(string id) => Prefix + id;
}
