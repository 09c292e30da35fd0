using System.Linq.Expressions;
using System.Reflection;

namespace Directives.Server.Api;

/// <summary>
/// Compiles filters bound against <see cref="Schema"/> into predicates over <typeparamref name="TEntity"/>,
/// from a map of each field to a member expression of the entity. Built once per entity type at
/// startup; <see cref="ToPredicate"/> runs per request.
/// </summary>
/// <remarks>
/// The predicates use only what EF Core translates on SQLite and PostgreSQL alike: comparisons,
/// <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, null checks, <see cref="string.Concat(string, string, string)"/>
/// with <see cref="string.Contains(string)"/> for words of pre-folded text, and
/// <see cref="Enumerable.Contains{TSource}(IEnumerable{TSource}, TSource)"/> /
/// <see cref="Enumerable.Any{TSource}(IEnumerable{TSource}, Func{TSource, bool})"/> over mapped collections.
/// Values are SQL parameters (<see cref="QueryValue"/>). A null member never satisfies a comparison of a
/// date, timestamp or number (standing tasks have no <c>deadline_time</c>, and never match one); a null
/// string is the empty string, and a null enum is the enum's UNSPECIFIED value.
/// </remarks>
internal sealed class FilterMapping<TEntity>(FilterSchema schema)
{
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringConcat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;

    private readonly Dictionary<string, FilterTarget> _targets = new(StringComparer.Ordinal);
    private readonly ParameterExpression _entity = Expression.Parameter(typeof(TEntity), "entity");

    public FilterSchema Schema { get; } = schema;

    /// <summary>
    /// Maps <paramref name="field"/> to <paramref name="member"/>. For text fields the member is the
    /// column holding <c>VietnameseText.NormalizeForSearch</c> of the text; for repeated fields an
    /// <see cref="IEnumerable{T}"/> of strings. <paramref name="convert"/> turns a bound value (see
    /// <see cref="FilterCondition.Value"/>) into the member's type, or null for "no stored value
    /// corresponds"; by default enum values match an enum member's values by name
    /// (<c>NOT_STARTED</c> ↔ <c>NotStarted</c>) and an int member's by number.
    /// </summary>
    public FilterMapping<TEntity> Map<TMember>(string field, Expression<Func<TEntity, TMember>> member, Func<object, object?>? convert = null)
    {
        var filterField = FindField(field);
        var type = typeof(TMember);
        if (!Accepts(filterField, type))
        {
            throw new ArgumentException($"{Schema.Method}: {field} is {filterField.Describe()}; a member of type {type.Name} cannot hold it.", nameof(member));
        }

        if (filterField.Kind == FilterFieldKind.Enum)
        {
            convert = EnumConversion(filterField, Nullable.GetUnderlyingType(type) ?? type, convert);
        }

        _targets[field] = new FilterTarget(member, convert ?? (value => value), null);
        return this;
    }

    /// <summary>Maps <paramref name="field"/> to a predicate built per condition, for derived fields such as ListTasks' <c>timeliness</c>.</summary>
    public FilterMapping<TEntity> MapCondition(string field, Func<FilterCondition, Expression<Func<TEntity, bool>>> build)
    {
        FindField(field);
        _targets[field] = new FilterTarget(null, value => value, build);
        return this;
    }

    /// <summary>Throws unless every field of the schema is mapped, so a forgotten one fails at startup, not on a request.</summary>
    public FilterMapping<TEntity> EnsureComplete()
    {
        var missing = Schema.Fields.Where(f => f.Kind != FilterFieldKind.AnyOf && !_targets.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        return missing.Count == 0
            ? this
            : throw new InvalidOperationException($"{Schema.Method}: no mapping for {string.Join(", ", missing)}.");
    }

    /// <summary>The predicate of <paramref name="filter"/>; <c>_ =&gt; true</c> for an empty filter.</summary>
    public Expression<Func<TEntity, bool>> ToPredicate(BoundFilter filter)
    {
        if (filter.Schema != Schema)
        {
            throw new ArgumentException($"The filter was bound for {filter.Schema.Method}, not {Schema.Method}.", nameof(filter));
        }

        var body = filter.Root is null ? Expression.Constant(true) : Build(filter.Root);
        return Expression.Lambda<Func<TEntity, bool>>(body, _entity);
    }

    private FilterField FindField(string field)
        => Schema.Find(field) is { Kind: not FilterFieldKind.AnyOf } found
            ? found
            : throw new ArgumentException($"{Schema.Method} has no filter field {field} to map (shorthands map through their fields).", nameof(field));

    private Expression Build(FilterExpression node) => node switch
    {
        FilterAnd and => and.Operands.Select(Build).Aggregate(Expression.AndAlso),
        FilterOr or => or.Operands.Select(Build).Aggregate(Expression.OrElse),
        FilterNot not => Expression.Not(Build(not.Operand)),
        FilterCondition condition => Build(condition),
        _ => throw new ArgumentException($"The filter has an unbound {node.GetType().Name}.", nameof(node)),
    };

    private Expression Build(FilterCondition condition)
    {
        var field = condition.Field;
        if (!_targets.TryGetValue(field.Name, out var target))
        {
            throw new InvalidOperationException($"{Schema.Method}: no mapping for {field.Name}.");
        }

        if (target.Build is { } build)
        {
            return ParameterReplacer.Inline(build(condition), _entity);
        }

        var member = ParameterReplacer.Inline(target.Member!, _entity);
        if (field.IsRepeated)
        {
            return field.Kind == FilterFieldKind.Text
                ? AnyHasWords(member, (string[])condition.Value)
                : target.Convert(condition.Value) is { } element
                    ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], member, QueryValue.Of(element, typeof(string)))
                    : Expression.Constant(false);
        }

        return (field.Kind, condition.Operator) switch
        {
            (FilterFieldKind.Text, FilterOperator.Has) => HasWords(member, (string[])condition.Value),
            (FilterFieldKind.String, FilterOperator.Has) => Expression.AndAlso(
                Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
                Expression.Call(member, StringContains, QueryValue.Of(condition.Value, typeof(string)))),
            _ => Compare(member, condition, target.Convert(condition.Value)),
        };
    }

    private static Expression Compare(Expression member, FilterCondition condition, object? value)
    {
        var op = condition.Operator;
        var type = member.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var canBeNull = underlying is not null || !type.IsValueType;

        if (value is null)
        {
            // No stored value corresponds (an UNSPECIFIED enum value): only an absent member equals it.
            return op switch
            {
                FilterOperator.Equal => canBeNull ? Expression.Equal(member, Expression.Constant(null, type)) : Expression.Constant(false),
                FilterOperator.NotEqual => canBeNull ? Expression.NotEqual(member, Expression.Constant(null, type)) : Expression.Constant(true),
                _ => Expression.Constant(false),
            };
        }

        if (type == typeof(string) && value is "")
        {
            var isNull = Expression.Equal(member, Expression.Constant(null, type));
            var isEmpty = Expression.Equal(member, Expression.Constant(""));
            return op == FilterOperator.Equal
                ? Expression.OrElse(isNull, isEmpty)
                : Expression.Not(Expression.OrElse(isNull, isEmpty));
        }

        var valueType = underlying ?? type;
        Expression parameter = QueryValue.Of(ToMemberType(value, valueType, condition), valueType);
        if (underlying is not null)
        {
            parameter = Expression.Convert(parameter, type);
        }

        var comparison = op switch
        {
            FilterOperator.Equal => Expression.Equal(member, parameter),
            FilterOperator.NotEqual => Expression.NotEqual(member, parameter),
            FilterOperator.Less => Expression.LessThan(member, parameter),
            FilterOperator.LessOrEqual => Expression.LessThanOrEqual(member, parameter),
            FilterOperator.Greater => Expression.GreaterThan(member, parameter),
            FilterOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(member, parameter),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), op, "Not a comparison."),
        };

        // An absent date, instant or number is no value at all: it is not "different from" anything either
        // (C# would say null != x). The other comparisons are already false for null, in C# and, through
        // EF Core's null semantics, in SQL, also under NOT.
        var absentIsNoValue = condition.Field.Kind is FilterFieldKind.Date or FilterFieldKind.Timestamp or FilterFieldKind.Integer
            or FilterFieldKind.Number or FilterFieldKind.Bool;
        return op == FilterOperator.NotEqual && underlying is not null && absentIsNoValue
            ? Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, type)), comparison)
            : comparison;
    }

    private static object ToMemberType(object value, Type type, FilterCondition condition)
    {
        if (value.GetType() == type)
        {
            return value;
        }

        try
        {
            return value switch
            {
                DateTimeOffset instant when type == typeof(DateTime) => instant.UtcDateTime,
                long integer when type == typeof(int) => checked((int)integer),
                long integer when type == typeof(short) => checked((short)integer),
                long integer when type == typeof(decimal) => (decimal)integer,
                long integer when type == typeof(double) => (double)integer,
                decimal number when type == typeof(double) => (double)number,
                int number when type.IsEnum => Enum.ToObject(type, number),
                _ => throw new InvalidOperationException(
                    $"{condition.Field.Name}: the mapping gives a {value.GetType().Name} for a member of type {type.Name}."),
            };
        }
        catch (OverflowException)
        {
            throw ApiErrors.InvalidFilter($"the value of {condition.Field.Name} at position {condition.Position} is out of range", condition.Position);
        }
    }

    // Each word as a whole word of the folded column: ' ' || column || ' ' contains ' word '. A null
    // column contains nothing (in C# null + " " is " "; in SQL the NULL is compensated by EF Core).
    private static Expression HasWords(Expression folded, string[] words)
    {
        var padded = Expression.Call(StringConcat, Expression.Constant(" "), folded, Expression.Constant(" "));
        return words
            .Select(word => (Expression)Expression.Call(padded, StringContains, QueryValue.Of($" {word} ", typeof(string))))
            .Aggregate(Expression.AndAlso);
    }

    private static Expression AnyHasWords(Expression collection, string[] words)
    {
        var item = Expression.Parameter(typeof(string), "item");
        var predicate = Expression.Lambda<Func<string, bool>>(HasWords(item, words), item);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], collection, predicate);
    }

    private static bool Accepts(FilterField field, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (field.IsRepeated)
        {
            return typeof(IEnumerable<string>).IsAssignableFrom(type);
        }

        return field.Kind switch
        {
            FilterFieldKind.Enum => underlying.IsEnum || underlying == typeof(int),
            FilterFieldKind.Text or FilterFieldKind.String or FilterFieldKind.ResourceName => type == typeof(string),
            FilterFieldKind.Date => underlying == typeof(DateOnly),
            FilterFieldKind.Timestamp => underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset),
            FilterFieldKind.Integer => underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short),
            FilterFieldKind.Number => underlying == typeof(decimal) || underlying == typeof(double),
            FilterFieldKind.Bool => underlying == typeof(bool),
            _ => false,
        };
    }

    // Resolves every value of the proto enum once, so a missing counterpart fails at startup.
    private Func<object, object?> EnumConversion(FilterField field, Type memberType, Func<object, object?>? convert)
    {
        var byName = memberType.IsEnum
            ? Enum.GetNames(memberType).ToDictionary(n => n.Replace("_", "", StringComparison.Ordinal), n => Enum.Parse(memberType, n), StringComparer.OrdinalIgnoreCase)
            : null;
        var table = new Dictionary<int, object?>();
        foreach (var (name, number) in field.EnumValues)
        {
            object? stored;
            if (convert is not null)
            {
                stored = convert(number);
            }
            else if (byName is null)
            {
                stored = number;
            }
            else if (!byName.TryGetValue(name.Replace("_", "", StringComparison.Ordinal), out stored) && number != 0)
            {
                throw new ArgumentException(
                    $"{Schema.Method}: {memberType.Name} has no value named like {name} for {field.Name}; pass a convert function.",
                    nameof(convert));
            }

            if (stored is not null && stored.GetType() != memberType)
            {
                throw new ArgumentException(
                    $"{Schema.Method}: the conversion of {field.Name} gives a {stored.GetType().Name} for {name}, not a {memberType.Name}.",
                    nameof(convert));
            }

            table[number] = stored;
        }

        return value => table[(int)value];
    }

    private sealed record FilterTarget(
        LambdaExpression? Member,
        Func<object, object?> Convert,
        Func<FilterCondition, Expression<Func<TEntity, bool>>>? Build);
}
