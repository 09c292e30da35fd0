using System.Text.RegularExpressions;

namespace Directives.Data.Storage;

/// <summary>
/// Province ids name files and databases, so only the API's resource-id form is accepted: 1 to 63 of
/// <c>a-z</c>, <c>0-9</c> and <c>-</c>, not starting or ending with <c>-</c>. Nothing else can reach a path or a
/// connection string.
/// </summary>
public static partial class ProvinceIds
{
    public static bool IsValid(string? provinceId) => provinceId is not null && Pattern().IsMatch(provinceId);

    public static void ThrowIfInvalid(string? provinceId)
    {
        if (!IsValid(provinceId))
        {
            throw new ArgumentException($"'{provinceId}' is not a province id (1-63 of a-z, 0-9 and '-').", nameof(provinceId));
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
