namespace Directives.Data.Search;

/// <summary>How a query word must match a word of the text.</summary>
public enum WordMatch
{
    /// <summary>The whole word: "an" finds "an ninh" but not "anh".</summary>
    WholeWord,

    /// <summary>The start of a word: "ninh" and "nin" both find "an ninh" (the directive <c>query</c>).</summary>
    Prefix,
}
