namespace Directives.Server.Api;

internal enum FilterTokenKind
{
    End,
    LeftParenthesis,
    RightParenthesis,
    Operator,
    Minus,

    /// <summary>A double-quoted string; <see cref="FilterToken.Text"/> holds it unescaped.</summary>
    String,

    /// <summary>A bare run of letters, digits, <c>_</c> and <c>.</c>: a field path, keyword, enum value, number or boolean.</summary>
    Word,
}

/// <param name="Kind">What the token is.</param>
/// <param name="Start">Its 0-based offset in the filter.</param>
/// <param name="End">The offset just after it.</param>
/// <param name="Text">A word as written, or a string's unescaped value; empty for punctuation.</param>
/// <param name="Operator">The comparison, for <see cref="FilterTokenKind.Operator"/>.</param>
internal readonly record struct FilterToken(FilterTokenKind Kind, int Start, int End, string Text, FilterOperator Operator = default)
{
    /// <summary>The 1-based position errors report.</summary>
    public int Position => Start + 1;

    public bool IsKeyword(string keyword) => Kind == FilterTokenKind.Word && Text == keyword;
}
