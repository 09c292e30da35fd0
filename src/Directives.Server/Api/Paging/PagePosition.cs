namespace Directives.Server.Api;

/// <summary>
/// Where a page ended: the sort key values of its last item, in the order
/// <see cref="SortMapping{TEntity}"/> sorts by, ending with the resource name's. The next page starts
/// strictly after it (keyset pagination), so items inserted or deleted meanwhile neither shift nor
/// repeat the rest.
/// </summary>
internal sealed record PagePosition(IReadOnlyList<object?> Values);
