using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Directives.Server.Api;

/// <summary>
/// A request's value inside an expression tree as a field read of a captured box, not a constant: EF
/// Core turns such reads into SQL parameters, so every filter value shares one cached query plan
/// instead of compiling (and caching) a new query per distinct value.
/// </summary>
internal static class QueryValue
{
    public static Expression Of(object value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<>.Value));
    }
}
