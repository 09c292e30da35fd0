using System.Diagnostics;
using System.Globalization;
using System.Text;
using Directives.Domain.Search;
using Grpc.Core;

namespace Directives.Server.Api;

/// <summary>
/// Checks a parsed filter against a <see cref="FilterSchema"/>: known fields, comparisons their kind
/// allows, values of the right type. Every error names the position it is about.
/// </summary>
internal static class FilterBinder
{
    public static FilterExpression Bind(FilterSchema schema, FilterExpression node) => node switch
    {
        FilterAnd and => and with { Operands = [.. and.Operands.Select(o => Bind(schema, o))] },
        FilterOr or => or with { Operands = [.. or.Operands.Select(o => Bind(schema, o))] },
        FilterNot not => not with { Operand = Bind(schema, not.Operand) },
        FilterComparison comparison => Bind(schema, comparison),
        _ => throw new UnreachableException($"Unexpected filter node {node.GetType().Name}."),
    };

    private static FilterExpression Bind(FilterSchema schema, FilterComparison comparison)
    {
        var field = schema.Find(comparison.Field)
            ?? throw Invalid(
                $"unknown field \"{comparison.Field}\" at position {comparison.Position}; {schema.Method} filters on {string.Join(", ", schema.Fields.Select(f => f.Name))}",
                comparison.Position);
        if (field.Kind == FilterFieldKind.AnyOf)
        {
            return BindAnyOf(schema, field, comparison);
        }

        CheckOperator(field, comparison);
        return new FilterCondition(field, comparison.Operator, BindValue(field, comparison.Operator, comparison.Value), comparison.Position);
    }

    // `agency = "A"` is `(lead_agency = "A" OR cooperating_agencies:"A")`; `!=` is its negation.
    private static FilterExpression BindAnyOf(FilterSchema schema, FilterField shorthand, FilterComparison comparison)
    {
        if (comparison.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            throw OperatorNotAllowed(shorthand, comparison, "= or !=");
        }

        var conditions = new List<FilterExpression>();
        foreach (var target in shorthand.AnyOf.Select(name => schema.Find(name)!))
        {
            var targetOperator = target.IsRepeated ? FilterOperator.Has : FilterOperator.Equal;
            conditions.Add(new FilterCondition(target, targetOperator, BindValue(target, targetOperator, comparison.Value), comparison.Position));
        }

        FilterExpression any = new FilterOr(conditions, comparison.Position);
        return comparison.Operator == FilterOperator.Equal ? any : new FilterNot(any, comparison.Position);
    }

    private static void CheckOperator(FilterField field, FilterComparison comparison)
    {
        var op = comparison.Operator;
        if (field.IsRepeated)
        {
            if (op != FilterOperator.Has)
            {
                throw Invalid(
                    $"{field.Name} is a repeated field at position {comparison.Position}: use {field.Name}:value (\"has\"), not {Symbol(op)}",
                    comparison.Position);
            }

            return;
        }

        var allowed = field.Kind switch
        {
            FilterFieldKind.Text or FilterFieldKind.String => op is FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.Has,
            FilterFieldKind.Date or FilterFieldKind.Timestamp or FilterFieldKind.Integer or FilterFieldKind.Number => op != FilterOperator.Has,
            _ => op is FilterOperator.Equal or FilterOperator.NotEqual,
        };
        if (!allowed)
        {
            throw OperatorNotAllowed(field, comparison, field.Kind switch
            {
                FilterFieldKind.Text or FilterFieldKind.String => "=, != or :",
                FilterFieldKind.Date or FilterFieldKind.Timestamp or FilterFieldKind.Integer or FilterFieldKind.Number => "=, !=, <, <=, > or >=",
                _ => "= or !=",
            });
        }
    }

    private static object BindValue(FilterField field, FilterOperator op, FilterLiteral literal)
    {
        switch (field.Kind)
        {
            case FilterFieldKind.Enum:
                RequireBare(field, literal, $"enum values are written bare, for example {field.Name} = {field.EnumValues.Keys.First(k => field.EnumValues[k] != 0)}");
                return field.EnumValues.TryGetValue(literal.Text, out var number)
                    ? number
                    : throw Invalid(
                        $"\"{literal.Text}\" at position {literal.Position} is not a value of {field.Name}; use one of {string.Join(", ", field.EnumValues.Keys)}",
                        literal.Position);

            case FilterFieldKind.Bool:
                RequireBare(field, literal, "booleans are written bare: true or false");
                return literal.Text switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw Invalid($"{field.Name} is a boolean: expected true or false at position {literal.Position}, found {literal.Text}", literal.Position),
                };

            case FilterFieldKind.Integer:
                RequireBare(field, literal, "numbers are written bare");
                return long.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? integer
                    : throw Invalid($"{field.Name} is an integer: \"{literal.Text}\" at position {literal.Position} is not one", literal.Position);

            case FilterFieldKind.Number:
                RequireBare(field, literal, "numbers are written bare");
                return decimal.TryParse(literal.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var decimalNumber)
                    ? decimalNumber
                    : throw Invalid($"{field.Name} is a number: \"{literal.Text}\" at position {literal.Position} is not one", literal.Position);

            case FilterFieldKind.Text:
                RequireQuoted(field, literal, $"{field.Name}:\"chi thi\"");
                var text = literal.Text.Normalize(NormalizationForm.FormC);
                if (op != FilterOperator.Has)
                {
                    return VietnameseText.NormalizeForSearch(text);
                }

                var words = VietnameseText.Tokenize(text);
                return words.Count > 0
                    ? words.ToArray()
                    : throw Invalid($"the text at position {literal.Position} has no words to search {field.Name} for", literal.Position);

            case FilterFieldKind.String:
                RequireQuoted(field, literal, $"{field.Name} = \"15/CT-UBND\"");
                return literal.Text.Normalize(NormalizationForm.FormC);

            case FilterFieldKind.ResourceName:
                RequireQuoted(field, literal, $"{field.Name} = \"{field.Pattern!.Template}\"");
                if (literal.Text.Length == 0)
                {
                    return field.AcceptsEmpty
                        ? ""
                        : throw Invalid($"{field.Name} needs {field.Describe()} at position {literal.Position}, not \"\"", literal.Position);
                }

                Span<Range> ids = stackalloc Range[4];
                var problem = field.Pattern!.Match(literal.Text, NameWildcards.None, ids);
                return problem is null
                    ? literal.Text
                    : throw Invalid($"the value of {field.Name} at position {literal.Position} {problem}", literal.Position);

            case FilterFieldKind.Date:
                RequireQuoted(field, literal, $"{field.Name} >= \"2024-01-01\"");
                return DateOnly.TryParseExact(literal.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw Invalid($"{field.Name} is a date: \"{literal.Text}\" at position {literal.Position} is not a date as \"YYYY-MM-DD\"", literal.Position);

            case FilterFieldKind.Timestamp:
                RequireQuoted(field, literal, $"{field.Name} >= \"2024-07-01T00:00:00+07:00\"");
                return Rfc3339.TryParse(literal.Text, out var instant)
                    ? instant
                    : throw Invalid(
                        $"{field.Name} is a timestamp: \"{literal.Text}\" at position {literal.Position} is not an RFC 3339 timestamp such as \"2024-07-01T00:00:00+07:00\"",
                        literal.Position);

            default:
                throw new UnreachableException($"No values for {field.Kind}.");
        }
    }

    private static void RequireBare(FilterField field, FilterLiteral literal, string hint)
    {
        if (literal.IsQuoted)
        {
            throw Invalid($"{field.Name} is {field.Describe()}: the value at position {literal.Position} must not be quoted; {hint}", literal.Position);
        }
    }

    private static void RequireQuoted(FilterField field, FilterLiteral literal, string example)
    {
        if (!literal.IsQuoted)
        {
            throw Invalid($"{field.Name} is {field.Describe()}: double-quote the value at position {literal.Position}, for example {example}", literal.Position);
        }
    }

    private static RpcException OperatorNotAllowed(FilterField field, FilterComparison comparison, string allowed)
        => Invalid(
            $"{Symbol(comparison.Operator)} does not apply to {field.Name} ({field.Describe()}) at position {comparison.Position}; use {allowed}",
            comparison.Position);

    private static string Symbol(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.Less => "<",
        FilterOperator.LessOrEqual => "<=",
        FilterOperator.Greater => ">",
        FilterOperator.GreaterOrEqual => ">=",
        _ => ":",
    };

    private static RpcException Invalid(string description, int position) => ApiErrors.InvalidFilter(description, position);
}
