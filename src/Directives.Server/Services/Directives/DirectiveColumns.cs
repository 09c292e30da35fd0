namespace Directives.Server.Services.Directives;

/// <summary>
/// Storage-only columns of a directive that the Data layer keeps beside the domain's fields, by their EF
/// property names (Directives.Data's DirectiveConfiguration and SearchProperties, which are internal there).
/// EF throws on a name it does not know, so a drift fails every directive test at once.
/// </summary>
internal static class DirectiveColumns
{
    /// <summary>The contract's issuing_body_kind, which the domain does not model.</summary>
    public const string IssuingBodyKind = nameof(IssuingBodyKind);

    /// <summary>Folded (lower case, no diacritics) subject, issuing body and signer name, for text filters.</summary>
    public const string SubjectSearch = nameof(SubjectSearch);

    public const string IssuingBodySearch = nameof(IssuingBodySearch);

    public const string SignerSearch = nameof(SignerSearch);
}
