namespace Directives.Data.Queries;

/// <summary>
/// Where a keyset page ends: the sort-key values of its last item, ending with the resource name's
/// parts. The Server puts them in its opaque page token (with what it needs to check the token belongs
/// to the same request) and hands them back for the next page.
/// </summary>
public sealed record PageCursor(IReadOnlyList<string> Keys);
