using System.Buffers;

namespace Directives.Server.Api;

/// <summary>
/// The ID of a resource within its collection (common.proto): 1 to 63 characters of <c>a-z</c>,
/// <c>0-9</c> and <c>-</c>, starting with a letter or digit and not ending with <c>-</c>.
/// </summary>
internal static class ResourceId
{
    public const int MaxLength = 63;

    /// <summary>The AIP-159 wildcard: every resource of the collection.</summary>
    public const string Wildcard = "-";

    public const string Rule = "1 to 63 characters of a-z, 0-9 and -, starting with a letter or digit and not ending with -";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsValid(ReadOnlySpan<char> id)
        => id.Length is > 0 and <= MaxLength
            && id[0] != '-'
            && id[^1] != '-'
            && !id.ContainsAnyExcept(Allowed);
}
