using System.Linq.Expressions;

namespace Directives.Server.Api;

/// <summary>
/// Orders a query of <typeparamref name="TEntity"/> by a <see cref="SortOrder"/> of <see cref="Schema"/>,
/// with the resource name last to break ties, and continues it after a <see cref="PagePosition"/>.
/// Built once per entity type at startup.
/// </summary>
/// <remarks>
/// Null values of a nullable member sort last in both directions (directives without an issue date,
/// standing tasks without a deadline), ordering by <c>member == null</c> first because SQLite and
/// PostgreSQL disagree on where NULLs go. String members are assumed not null.
/// </remarks>
internal sealed class SortMapping<TEntity>(SortSchema schema)
{
    private readonly Dictionary<string, SortMember[]> _fields = new(StringComparer.Ordinal);
    private readonly ParameterExpression _entity = Expression.Parameter(typeof(TEntity), "entity");
    private SortMember[] _name = [];

    public SortSchema Schema { get; } = schema;

    /// <summary>Maps an <c>order_by</c> field to one or more members, compared in turn (e.g. directive, then task number).</summary>
    public SortMapping<TEntity> Map(string field, params Expression<Func<TEntity, object?>>[] members)
    {
        if (!Schema.Fields.Contains(field))
        {
            throw new ArgumentException($"{Schema.Method} does not order by {field}.", nameof(field));
        }

        _fields[field] = [.. members.Select(SortMember.Of)];
        return this;
    }

    /// <summary>Maps the resource name, or members that together identify the resource as uniquely: the final tie-breaker.</summary>
    public SortMapping<TEntity> MapName(params Expression<Func<TEntity, object?>>[] members)
    {
        _name = [.. members.Select(SortMember.Of)];
        return this;
    }

    /// <summary>Throws unless every field of the schema and the name are mapped, so a gap fails at startup.</summary>
    public SortMapping<TEntity> EnsureComplete()
    {
        var missing = Schema.Fields.Where(f => !_fields.ContainsKey(f)).ToList();
        if (_name.Length == 0)
        {
            missing.Add("the resource name (MapName)");
        }

        return missing.Count == 0 ? this : throw new InvalidOperationException($"{Schema.Method}: no sort mapping for {string.Join(", ", missing)}.");
    }

    /// <summary><paramref name="query"/> after <paramref name="after"/> (when given), in <paramref name="order"/>.</summary>
    public IOrderedQueryable<TEntity> Apply(IQueryable<TEntity> query, SortOrder order, PagePosition? after)
    {
        var keys = KeysOf(order);
        if (after is not null)
        {
            query = query.Where(After(keys, after));
        }

        IOrderedQueryable<TEntity>? ordered = null;
        foreach (var (member, descending) in keys)
        {
            if (member.IsNullable)
            {
                ordered = OrderBy(query, ordered, Expression.Equal(member.Inline(_entity), Expression.Constant(null, member.Type)), descending: false);
            }

            ordered = OrderBy(query, ordered, member.Inline(_entity), descending);
        }

        return ordered!;
    }

    /// <summary>The position of <paramref name="item"/>, the last of a page, to resume after.</summary>
    public PagePosition PositionOf(TEntity item, SortOrder order)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new([.. KeysOf(order).Select(key => key.Member.Read(item))]);
    }

    private List<(SortMember Member, bool Descending)> KeysOf(SortOrder order)
    {
        var keys = new List<(SortMember, bool)>();
        foreach (var key in order.Keys)
        {
            if (!_fields.TryGetValue(key.Field, out var members))
            {
                throw new InvalidOperationException($"{Schema.Method}: no sort mapping for {key.Field}.");
            }

            keys.AddRange(members.Select(m => (m, key.Descending)));
        }

        if (_name.Length == 0)
        {
            throw new InvalidOperationException($"{Schema.Method}: the resource name is not mapped (MapName).");
        }

        keys.AddRange(_name.Select(m => (m, false)));
        return keys;
    }

    // (k1 after v1) OR (k1 = v1 AND k2 after v2) OR … — strictly after the position in the order above.
    private Expression<Func<TEntity, bool>> After(List<(SortMember Member, bool Descending)> keys, PagePosition position)
    {
        if (position.Values.Count != keys.Count)
        {
            throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token");
        }

        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var (member, descending) = keys[i];
            var value = member.Parameter(position.Values[i]);
            var current = member.Inline(_entity);
            var after = member.After(current, value, descending);
            var branch = equalSoFar is null ? after : Expression.AndAlso(equalSoFar, after);
            any = any is null ? branch : Expression.OrElse(any, branch);
            var equal = member.EqualTo(current, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<TEntity, bool>>(any!, _entity);
    }

    private IOrderedQueryable<TEntity> OrderBy(IQueryable<TEntity> query, IOrderedQueryable<TEntity>? ordered, Expression key, bool descending)
    {
        var method = (ordered is null, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            (false, true) => nameof(Queryable.ThenByDescending),
        };
        var source = ordered ?? query;
        var call = Expression.Call(
            typeof(Queryable),
            method,
            [typeof(TEntity), key.Type],
            source.Expression,
            Expression.Quote(Expression.Lambda(key, _entity)));
        return (IOrderedQueryable<TEntity>)source.Provider.CreateQuery<TEntity>(call);
    }
}
