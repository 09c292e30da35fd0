using System.Globalization;
using System.Text;

namespace Directives.Server.Api;

/// <summary>Splits a filter into tokens, reporting the first character it cannot read with its position.</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && char.IsWhiteSpace(filter[i]))
            {
                i++;
            }

            if (i == filter.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, i, i, ""));
                return tokens;
            }

            var start = i;
            var c = filter[i];
            switch (c)
            {
                case '(':
                    tokens.Add(new FilterToken(FilterTokenKind.LeftParenthesis, start, ++i, ""));
                    break;
                case ')':
                    tokens.Add(new FilterToken(FilterTokenKind.RightParenthesis, start, ++i, ""));
                    break;
                case '=':
                    tokens.Add(new FilterToken(FilterTokenKind.Operator, start, ++i, "", FilterOperator.Equal));
                    break;
                case ':':
                    tokens.Add(new FilterToken(FilterTokenKind.Operator, start, ++i, "", FilterOperator.Has));
                    break;
                case '!' when Next(filter, i) == '=':
                    i += 2;
                    tokens.Add(new FilterToken(FilterTokenKind.Operator, start, i, "", FilterOperator.NotEqual));
                    break;
                case '<' or '>':
                    var orEqual = Next(filter, i) == '=';
                    i += orEqual ? 2 : 1;
                    var comparison = (c, orEqual) switch
                    {
                        ('<', false) => FilterOperator.Less,
                        ('<', true) => FilterOperator.LessOrEqual,
                        ('>', false) => FilterOperator.Greater,
                        _ => FilterOperator.GreaterOrEqual,
                    };
                    tokens.Add(new FilterToken(FilterTokenKind.Operator, start, i, "", comparison));
                    break;
                case '"':
                    tokens.Add(ReadString(filter, ref i));
                    break;

                // A minus right after a comparison and before a digit is a negative number (`value > -5`);
                // anywhere else it negates the term that follows (`-state = DRAFT`).
                case '-' when char.IsAsciiDigit(Next(filter, i)) && tokens is [.., { Kind: FilterTokenKind.Operator }]:
                    i++;
                    tokens.Add(ReadWord(filter, ref i, start));
                    break;
                case '-':
                    tokens.Add(new FilterToken(FilterTokenKind.Minus, start, ++i, ""));
                    break;
                default:
                    if (!IsWordChar(c))
                    {
                        throw ApiErrors.InvalidFilter(
                            $"unexpected character '{c}' at position {start + 1}; text values must be double-quoted",
                            start + 1);
                    }

                    tokens.Add(ReadWord(filter, ref i, start));
                    break;
            }
        }
    }

    private static char Next(string filter, int i) => i + 1 < filter.Length ? filter[i + 1] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    private static FilterToken ReadWord(string filter, ref int i, int start)
    {
        while (i < filter.Length && IsWordChar(filter[i]))
        {
            i++;
        }

        return new FilterToken(FilterTokenKind.Word, start, i, filter[start..i]);
    }

    private static FilterToken ReadString(string filter, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < filter.Length)
        {
            var c = filter[i++];
            if (c == '"')
            {
                return new FilterToken(FilterTokenKind.String, start, i, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escapeAt = i;
            var escaped = i < filter.Length ? filter[i++] : '\0';
            switch (escaped)
            {
                case '"' or '\\' or '/':
                    value.Append(escaped);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u' when i + 4 <= filter.Length
                    && ushort.TryParse(filter.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw ApiErrors.InvalidFilter(
                        $"invalid escape sequence at position {escapeAt}; use \\\", \\\\, \\n, \\r, \\t or \\uXXXX",
                        escapeAt);
            }
        }

        throw ApiErrors.InvalidFilter($"the string starting at position {start + 1} has no closing double quote", start + 1);
    }
}
