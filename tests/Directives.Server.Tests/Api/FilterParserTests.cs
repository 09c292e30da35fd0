using Directives.Server.Api;
using Grpc.StatusProto;

namespace Directives.Server.Tests.Api;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n")]
    public void An_empty_filter_has_no_tree(string? filter) => Assert.Null(FilterParser.Parse(filter));

    [Theory]
    [InlineData("a = 1", "a = 1")]
    [InlineData("a != 1", "a != 1")]
    [InlineData("a < 1", "a < 1")]
    [InlineData("a <= 1", "a <= 1")]
    [InlineData("a > 1", "a > 1")]
    [InlineData("a >= 1", "a >= 1")]
    [InlineData("a:1", "a : 1")]
    [InlineData("a=1", "a = 1")]
    [InlineData("a>=\"x\"", "a >= \"x\"")]
    [InlineData("issue_date.year = 2023", "issue_date.year = 2023")]
    [InlineData("x > -5", "x > -5")]
    [InlineData("x>-5.25", "x > -5.25")]
    public void Comparisons(string filter, string expected) => Assert.Equal(expected, Print(FilterParser.Parse(filter)));

    [Fact]
    public void Or_binds_tighter_than_and()
    {
        Assert.Equal("AND(a = 1, OR(b = 2, c = 3))", Print(FilterParser.Parse("a = 1 AND b = 2 OR c = 3")));
        Assert.Equal("AND(OR(a = 1, b = 2), c = 3)", Print(FilterParser.Parse("a = 1 OR b = 2 AND c = 3")));
        Assert.Equal("AND(a = 1, b = 2, c = 3)", Print(FilterParser.Parse("a = 1 AND b = 2 AND c = 3")));
        Assert.Equal("OR(a = 1, b = 2, c = 3)", Print(FilterParser.Parse("a = 1 OR b = 2 OR c = 3")));
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        Assert.Equal("OR(AND(a = 1, b = 2), c = 3)", Print(FilterParser.Parse("(a = 1 AND b = 2) OR c = 3")));
        Assert.Equal("a = 1", Print(FilterParser.Parse("((a = 1))")));
        Assert.Equal("AND(a = 1, OR(b = 2, AND(c = 3, d = 4)))", Print(FilterParser.Parse("a = 1 AND (b = 2 OR (c = 3 AND d = 4))")));
    }

    [Fact]
    public void Not_and_minus_negate_the_next_term_only()
    {
        Assert.Equal("NOT(a = 1)", Print(FilterParser.Parse("NOT a = 1")));
        Assert.Equal("NOT(a = 1)", Print(FilterParser.Parse("-a = 1")));
        Assert.Equal("OR(NOT(a = 1), b = 2)", Print(FilterParser.Parse("NOT a = 1 OR b = 2")));
        Assert.Equal("AND(NOT(a = 1), b = 2)", Print(FilterParser.Parse("-a = 1 AND b = 2")));
        Assert.Equal("NOT(OR(a = 1, b = 2))", Print(FilterParser.Parse("NOT (a = 1 OR b = 2)")));
        Assert.Equal("NOT(AND(a = 1, b = 2))", Print(FilterParser.Parse("-(a = 1 AND b = 2)")));
        Assert.Equal("NOT(a : \"x\")", Print(FilterParser.Parse("NOT(a:\"x\")")));
    }

    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"""back\\slash""", "back\\slash")]
    [InlineData(@"""a\/b""", "a/b")]
    [InlineData(@"""line\nbreak\ttab\rreturn""", "line\nbreak\ttab\rreturn")]
    [InlineData(@"""\u0110\u1ed3ng Th\u00e1p""", "Đồng Tháp")]
    [InlineData(@"""Chỉ thị (số 15) AND OR NOT = : -""", "Chỉ thị (số 15) AND OR NOT = : -")]
    [InlineData(@"""""", "")]
    public void Strings_unescape(string literal, string expected)
    {
        var comparison = Assert.IsType<FilterComparison>(FilterParser.Parse("a = " + literal));
        Assert.True(comparison.Value.IsQuoted);
        Assert.Equal(expected, comparison.Value.Text);
    }

    [Fact]
    public void Bare_values_are_not_quoted()
    {
        var comparison = Assert.IsType<FilterComparison>(FilterParser.Parse("state = ISSUED"));
        Assert.False(comparison.Value.IsQuoted);
        Assert.Equal("ISSUED", comparison.Value.Text);
        Assert.Equal(9, comparison.Value.Position);
        Assert.Equal(1, comparison.Position);
    }

    [Theory]
    [InlineData("a =", "expected a value after a at position 4, found the end of the filter", 4)]
    [InlineData("= 1", "expected a field name at position 1, found a comparison operator", 1)]
    [InlineData("a 1", "expected a comparison (=, !=, <, <=, >, >= or :) after a at position 3, found '1'", 3)]
    [InlineData("a = 1 b = 2", "expected AND, OR or the end of the filter at position 7, found 'b'", 7)]
    [InlineData("a = 1 and b = 2", "expected AND, OR or the end of the filter at position 7, found 'and' (AND, OR and NOT are upper case)", 7)]
    [InlineData("a = 1 AND", "expected a field name at position 10, found the end of the filter", 10)]
    [InlineData("(a = 1", "expected ')' to close the '(' at position 1 at position 7, found the end of the filter", 7)]
    [InlineData("a = 1)", "expected a ')' without its '(' at position 6, found ')'", 6)]
    [InlineData("a = \"open", "the string starting at position 5 has no closing double quote", 5)]
    [InlineData("a = \"bad \\q\"", "invalid escape sequence at position 10", 10)]
    [InlineData("a = \"bad \\u12\"", "invalid escape sequence at position 10", 10)]
    [InlineData("a = chỉ", "unexpected character 'ỉ' at position 7; text values must be double-quoted", 7)]
    [InlineData("a = 'x'", "unexpected character ''' at position 5", 5)]
    [InlineData("a == 1", "expected a value after a at position 4, found a comparison operator", 4)]
    [InlineData("a ! 1", "unexpected character '!' at position 3", 3)]
    [InlineData("a = AND", "expected a value after a at position 5, found 'AND'", 5)]
    [InlineData("AND = 1", "expected a field name at position 1, found 'AND'", 1)]
    [InlineData("a..b = 1", "expected a field name at position 1, found 'a..b'", 1)]
    [InlineData("1a = 1", "expected a field name at position 1, found '1a'", 1)]
    [InlineData("a = -", "expected a value after a at position 5, found '-'", 5)]
    [InlineData("d >= 2023-01-01", "unexpected '-' right after the value at position 6; write dates, timestamps and names in double quotes", 10)]
    [InlineData("t < 2024-07-01T00:00:00Z", "unexpected '-' right after the value", 9)]
    [InlineData("()", "expected a field name at position 2, found ')'", 2)]
    public void Syntax_errors_say_what_and_where(string filter, string description, int position)
    {
        var status = ApiAssert.Throws(() => FilterParser.Parse(filter), Grpc.Core.StatusCode.InvalidArgument, "INVALID_FILTER");
        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("filter", violation.Field);
        Assert.StartsWith(description, violation.Description);
        Assert.Equal($"Biểu thức lọc (filter) không hợp lệ tại vị trí {position}.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public void Filters_are_at_most_2000_characters()
    {
        var longest = "a = \"" + new string('x', 2000 - 6) + "\"";
        Assert.Equal(2000, longest.Length);
        Assert.NotNull(FilterParser.Parse(longest));

        var status = ApiAssert.Throws(() => FilterParser.Parse(longest + " "), Grpc.Core.StatusCode.InvalidArgument, "INVALID_FILTER");
        Assert.Equal("is 2001 characters long; at most 2000 are allowed", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        Assert.NotNull(FilterParser.Parse(new string('(', 32) + "a = 1" + new string(')', 32)));
        var violation = ApiAssert.InvalidArgument(
            () => FilterParser.Parse(new string('(', 33) + "a = 1" + new string(')', 33)), "INVALID_FILTER", "filter");
        Assert.Equal("parentheses nest deeper than 32 levels at position 33", violation.Description);
        ApiAssert.InvalidArgument(() => FilterParser.Parse(new string('(', 1000)), "INVALID_FILTER", "filter");
    }

    internal static string Print(FilterExpression? node) => node switch
    {
        null => "",
        FilterAnd and => $"AND({string.Join(", ", and.Operands.Select(Print))})",
        FilterOr or => $"OR({string.Join(", ", or.Operands.Select(Print))})",
        FilterNot not => $"NOT({Print(not.Operand)})",
        FilterComparison c => $"{c.Field} {Symbol(c.Operator)} {(c.Value.IsQuoted ? $"\"{c.Value.Text}\"" : c.Value.Text)}",
        FilterCondition c => $"{c.Field.Name} {Symbol(c.Operator)} {Value(c.Value)}",
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static string Value(object value) => value switch
    {
        string text => $"\"{text}\"",
        string[] words => $"[{string.Join(" ", words)}]",
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

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
}
