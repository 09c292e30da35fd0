namespace Directives.Server.Api;

/// <summary>
/// A parsed <c>order_by</c>: its keys in order. The resource name, which breaks ties, is not listed
/// here: <see cref="SortMapping{TEntity}"/> always adds it last.
/// </summary>
internal sealed record SortOrder(IReadOnlyList<SortKey> Keys)
{
    public override string ToString() => string.Join(", ", Keys);
}
