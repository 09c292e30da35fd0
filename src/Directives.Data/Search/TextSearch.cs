using System.Linq.Expressions;
using Directives.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Search;

/// <summary>
/// Folded word search on a search column: every word of the query (folded as the column is, so
/// "chi thi an ninh" and "Chỉ thị An ninh" are the same query) must occur in the column as a word or
/// a word's start. Translated on both providers as a substring test on <c>' ' || column || ' '</c>
/// (instr in SQLite, strpos in PostgreSQL); it scans the rows the other filters leave.
/// </summary>
internal static class TextSearch
{
    public static Expression<Func<T, bool>> Matches<T>(string column, string query, WordMatch match)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameter = Expression.Parameter(typeof(T), "item");
        Expression body = Expression.Constant(true);
        foreach (var word in VietnameseText.Tokenize(query))
        {
            var needle = match == WordMatch.WholeWord ? $" {word} " : $" {word}";
            Expression<Func<T, bool>> one = item => (" " + EF.Property<string>(item, column) + " ").Contains(needle);
            body = body is ConstantExpression ? Rebind(one, parameter) : Expression.AndAlso(body, Rebind(one, parameter));
        }

        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression Rebind<T>(Expression<Func<T, bool>> lambda, ParameterExpression parameter)
        => new Replace(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
