namespace Directives.Data.Queries;

/// <summary>The orders of ListDirectives; each ends with the directive's resource id.</summary>
public enum DirectiveOrder
{
    /// <summary>By issue date; directives without one sort before every dated one (so last in the default descending order).</summary>
    IssueDate,

    /// <summary>By canonical number and symbol; unnumbered drafts first.</summary>
    NumberAndSymbol,

    /// <summary>By folded subject (case and marks ignored).</summary>
    Subject,

    CreateTime,

    UpdateTime,
}
