using System.Linq.Expressions;
using System.Reflection;

namespace Directives.Server.Api;

/// <summary>One member a query sorts by, with the comparisons keyset pagination needs on it.</summary>
internal sealed class SortMember
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private readonly LambdaExpression _member;
    private readonly Func<object, object?> _read;

    private SortMember(LambdaExpression member, Type type)
    {
        _member = member;
        Type = type;
        IsNullable = Nullable.GetUnderlyingType(type) is not null;
        ValueType = Nullable.GetUnderlyingType(type) ?? type;
        if (!(ValueType == typeof(string) || ValueType.IsEnum || ValueType.IsPrimitive && ValueType != typeof(bool)
            || ValueType == typeof(decimal) || ValueType == typeof(DateTime) || ValueType == typeof(DateTimeOffset) || ValueType == typeof(DateOnly)))
        {
            throw new ArgumentException($"Cannot sort by a member of type {type.Name}.", nameof(member));
        }

        var parameter = Expression.Parameter(typeof(object), "item");
        var body = Expression.Convert(
            ParameterReplacer.Inline(member, Expression.Convert(parameter, member.Parameters[0].Type)),
            typeof(object));
        _read = Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }

    public Type Type { get; }

    public bool IsNullable { get; }

    private Type ValueType { get; }

    // `e => (object)e.DueAt` is how a typed member fits Expression<Func<TEntity, object?>>; sort by e.DueAt itself.
    public static SortMember Of<TEntity>(Expression<Func<TEntity, object?>> member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type == typeof(object)
            ? convert.Operand
            : member.Body;
        return new SortMember(Expression.Lambda(body, member.Parameters), body.Type);
    }

    public Expression Inline(ParameterExpression entity) => ParameterReplacer.Inline(_member, entity);

    public object? Read(object item) => _read(item);

    /// <summary>A position value as a query parameter of the member's type; null stays a null constant.</summary>
    public Expression? Parameter(object? value)
    {
        if (value is null)
        {
            return IsNullable || !ValueType.IsValueType
                ? null
                : throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token");
        }

        object typed;
        try
        {
            typed = value switch
            {
                _ when value.GetType() == ValueType => value,
                long integer when ValueType.IsEnum => Enum.ToObject(ValueType, integer),
                long integer when ValueType.IsPrimitive => Convert.ChangeType(integer, ValueType, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception exception) when (exception is InvalidCastException or OverflowException)
        {
            throw ApiErrors.InvalidPageToken("does not match the request's order_by; start again without a page_token");
        }

        var parameter = QueryValue.Of(typed, ValueType);
        return IsNullable ? Expression.Convert(parameter, Type) : parameter;
    }

    /// <summary>Whether <paramref name="current"/> sorts strictly after <paramref name="value"/>; nulls are last either way.</summary>
    public Expression After(Expression current, Expression? value, bool descending)
    {
        if (value is null)
        {
            // Nothing sorts after a null within this key: the other nulls tie with it.
            return Expression.Constant(false);
        }

        var comparison = descending ? Less(current, value) : Greater(current, value);
        return IsNullable ? Expression.OrElse(comparison, Expression.Equal(current, Expression.Constant(null, Type))) : comparison;
    }

    public Expression EqualTo(Expression current, Expression? value)
        => value is null ? Expression.Equal(current, Expression.Constant(null, Type)) : Expression.Equal(current, value);

    private Expression Greater(Expression current, Expression value) => Compare(current, value, Expression.GreaterThan);

    private Expression Less(Expression current, Expression value) => Compare(current, value, Expression.LessThan);

    private Expression Compare(Expression current, Expression value, Func<Expression, Expression, BinaryExpression> compare)
    {
        if (ValueType == typeof(string))
        {
            // string.Compare(a, b) > 0 is how EF Core spells a > b for strings.
            return compare(Expression.Call(StringCompare, current, value), Expression.Constant(0));
        }

        if (ValueType.IsEnum)
        {
            var number = Enum.GetUnderlyingType(ValueType);
            var numberType = IsNullable ? typeof(Nullable<>).MakeGenericType(number) : number;
            return compare(Expression.Convert(current, numberType), Expression.Convert(value, numberType));
        }

        return compare(current, value);
    }
}
