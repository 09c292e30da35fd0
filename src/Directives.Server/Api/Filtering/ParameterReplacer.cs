using System.Linq.Expressions;

namespace Directives.Server.Api;

/// <summary>Inlines a lambda's body with its parameter replaced, so mapped members compose into one predicate.</summary>
internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    public static Expression Inline(LambdaExpression lambda, Expression argument)
        => new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
