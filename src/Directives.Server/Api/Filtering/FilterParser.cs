namespace Directives.Server.Api;

/// <summary>
/// Recursive-descent parser for the AIP-160 subset of common.proto:
/// <code>
/// filter     = [ expression ] END
/// expression = factor { "AND" factor }
/// factor     = term { "OR" term }          (OR binds tighter than AND, as in AIP-160)
/// term       = [ "NOT" | "-" ] simple
/// simple     = "(" expression ")" | comparison
/// comparison = FIELD ( "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | ":" ) value
/// value      = STRING | WORD
/// </code>
/// </summary>
internal sealed class FilterParser
{
    public const int MaxLength = 2000;

    // Deep enough for any filter a person writes; shallow enough that a hostile one cannot exhaust the stack.
    private const int MaxDepth = 32;

    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    /// <summary>The filter's tree, or null for an empty filter. Throws INVALID_ARGUMENT (INVALID_FILTER) on <c>filter</c>.</summary>
    public static FilterExpression? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (filter.Length > MaxLength)
        {
            throw ApiErrors.InvalidFilter($"is {filter.Length} characters long; at most {MaxLength} are allowed", 0);
        }

        var parser = new FilterParser(FilterLexer.Tokenize(filter));
        var expression = parser.ParseExpression();
        var end = parser.Peek;
        if (end.Kind != FilterTokenKind.End)
        {
            throw Unexpected(end, end.Kind == FilterTokenKind.RightParenthesis ? "a ')' without its '('" : "AND, OR or the end of the filter");
        }

        return expression;
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Take() => _tokens[_next++];

    private FilterExpression ParseExpression()
    {
        var first = ParseFactor();
        if (!Peek.IsKeyword("AND"))
        {
            return first;
        }

        var operands = new List<FilterExpression> { first };
        while (Peek.IsKeyword("AND"))
        {
            Take();
            operands.Add(ParseFactor());
        }

        return new FilterAnd(operands, first.Position);
    }

    private FilterExpression ParseFactor()
    {
        var first = ParseTerm();
        if (!Peek.IsKeyword("OR"))
        {
            return first;
        }

        var operands = new List<FilterExpression> { first };
        while (Peek.IsKeyword("OR"))
        {
            Take();
            operands.Add(ParseTerm());
        }

        return new FilterOr(operands, first.Position);
    }

    private FilterExpression ParseTerm()
    {
        var token = Peek;
        if (token.IsKeyword("NOT") || token.Kind == FilterTokenKind.Minus)
        {
            Take();
            return new FilterNot(ParseSimple(), token.Position);
        }

        return ParseSimple();
    }

    private FilterExpression ParseSimple()
    {
        var token = Peek;
        if (token.Kind != FilterTokenKind.LeftParenthesis)
        {
            return ParseComparison();
        }

        if (++_depth > MaxDepth)
        {
            throw ApiErrors.InvalidFilter($"parentheses nest deeper than {MaxDepth} levels at position {token.Position}", token.Position);
        }

        Take();
        var inner = ParseExpression();
        var close = Take();
        if (close.Kind != FilterTokenKind.RightParenthesis)
        {
            throw Unexpected(close, $"')' to close the '(' at position {token.Position}");
        }

        _depth--;
        return inner;
    }

    private FilterComparison ParseComparison()
    {
        var field = Take();
        if (field.Kind != FilterTokenKind.Word || field.Text is "AND" or "OR" or "NOT" || !IsFieldPath(field.Text))
        {
            throw Unexpected(field, "a field name");
        }

        var comparison = Take();
        if (comparison.Kind != FilterTokenKind.Operator)
        {
            throw Unexpected(comparison, $"a comparison (=, !=, <, <=, >, >= or :) after {field.Text}");
        }

        var value = Take();
        if (value.Kind is not (FilterTokenKind.String or FilterTokenKind.Word)
            || (value.Kind == FilterTokenKind.Word && value.Text is "AND" or "OR" or "NOT"))
        {
            throw Unexpected(value, $"a value after {field.Text}");
        }

        // `issue_date >= 2023-01-01` lexes as a number glued to more text: say how to write it instead.
        var following = Peek;
        if (value.Kind == FilterTokenKind.Word && following.Start == value.End && following.Kind is FilterTokenKind.Minus or FilterTokenKind.Operator)
        {
            throw ApiErrors.InvalidFilter(
                $"unexpected '{(following.Kind == FilterTokenKind.Minus ? "-" : ":")}' right after the value at position {value.Position}; write dates, timestamps and names in double quotes",
                following.Position);
        }

        return new FilterComparison(field.Text, comparison.Operator, new FilterLiteral(value.Text, value.Kind == FilterTokenKind.String, value.Position), field.Position);
    }

    // snake_case segments joined by dots: `issue_date.year`.
    private static bool IsFieldPath(string text)
    {
        var segmentStart = true;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (segmentStart)
                {
                    return false;
                }

                segmentStart = true;
                continue;
            }

            if (segmentStart ? !(char.IsAsciiLetter(c) || c == '_') : !(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }

            segmentStart = false;
        }

        return !segmentStart;
    }

    private static Grpc.Core.RpcException Unexpected(FilterToken token, string expected)
    {
        var found = token.Kind switch
        {
            FilterTokenKind.End => "the end of the filter",
            FilterTokenKind.LeftParenthesis => "'('",
            FilterTokenKind.RightParenthesis => "')'",
            FilterTokenKind.Minus => "'-'",
            FilterTokenKind.Operator => "a comparison operator",
            FilterTokenKind.String => $"the string \"{Shorten(token.Text)}\"",
            _ => $"'{Shorten(token.Text)}'",
        };
        var hint = token.Kind == FilterTokenKind.Word && token.Text is "and" or "or" or "not" ? " (AND, OR and NOT are upper case)" : "";
        return ApiErrors.InvalidFilter($"expected {expected} at position {token.Position}, found {found}{hint}", token.Position);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
