namespace Directives.Data.Resources;

/// <summary>
/// The storage-only (shadow) properties of a directive, for <c>EF.Property</c> in the Server's own queries.
/// All are kept current by every save; only <see cref="IssuingBodyKind"/> is written by the Server.
/// </summary>
public static class DirectiveProperties
{
    /// <summary>The contract's issuing_body_kind (its enum number; null when not classified), which the domain does not model.</summary>
    public const string IssuingBodyKind = nameof(IssuingBodyKind);

    /// <summary>The canonical number and symbol ("2157-CV/TU"); null for an unnumbered draft. Unique with <see cref="IssueYear"/>.</summary>
    public const string NumberCanonical = nameof(NumberCanonical);

    /// <summary>The year of the issue date; null without one.</summary>
    public const string IssueYear = nameof(IssueYear);

    /// <summary>Sort key of the issue date: its day number, -1 without a date.</summary>
    public const string IssueSort = nameof(IssueSort);

    /// <summary>Sort key of the number: the canonical number, "" without one.</summary>
    public const string NumberSort = nameof(NumberSort);

    /// <summary>The number folded for search ("15 ct ubnd").</summary>
    public const string NumberSearch = nameof(NumberSearch);

    /// <summary>The subject folded for search (lower case, no marks, đ → d, words separated by single spaces).</summary>
    public const string SubjectSearch = nameof(SubjectSearch);

    public const string IssuingBodySearch = nameof(IssuingBodySearch);

    /// <summary>The signer's name folded for search; null without a signer.</summary>
    public const string SignerSearch = nameof(SignerSearch);

    /// <summary>Everything the directive <c>query</c> searches, folded: number, subject, issuing body, signer and body.</summary>
    public const string SearchText = nameof(SearchText);
}
