namespace Directives.Server.Api;

/// <summary>One item of <c>order_by</c>: a field, ascending unless <see cref="Descending"/>.</summary>
internal readonly record struct SortKey(string Field, bool Descending)
{
    public override string ToString() => Descending ? Field + " desc" : Field;
}
