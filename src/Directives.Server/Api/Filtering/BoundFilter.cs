namespace Directives.Server.Api;

/// <summary>A filter parsed and type-checked against <see cref="Schema"/>, ready for <see cref="FilterMapping{TEntity}"/>.</summary>
/// <param name="Schema">The schema it was checked against.</param>
/// <param name="Text">The filter as the request gave it.</param>
/// <param name="Root">Its tree, whose leaves are all <see cref="FilterCondition"/>s; null for an empty filter.</param>
internal sealed record BoundFilter(FilterSchema Schema, string Text, FilterExpression? Root)
{
    public bool IsEmpty => Root is null;
}
