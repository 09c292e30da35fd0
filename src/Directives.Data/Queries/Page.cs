using Directives.Data.Resources;

namespace Directives.Data.Queries;

/// <summary>One page of a keyset-paginated list, and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<Stamped<T>> Items, PageCursor? Next)
    where T : class;
