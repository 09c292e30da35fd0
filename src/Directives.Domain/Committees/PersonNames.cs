using Directives.Domain.Search;

namespace Directives.Domain.Committees;

/// <summary>
/// Tells whether two entries name the same person, ignoring case and marks as the API documents:
/// "Nguyễn Văn Vinh" typed as "Nguyen Van Vinh" is the same person, not a second member.
/// </summary>
internal static class PersonNames
{
    public static bool Same(string a, string b)
        => string.Equals(VietnameseText.NormalizeForSearch(a), VietnameseText.NormalizeForSearch(b), StringComparison.Ordinal);
}
