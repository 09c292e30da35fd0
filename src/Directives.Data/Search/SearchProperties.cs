namespace Directives.Data.Search;

/// <summary>
/// Shadow columns holding <see cref="Domain.Search.VietnameseText.NormalizeForSearch"/> of searchable text,
/// kept current by <see cref="ProvinceDbContext"/> on every save.
/// </summary>
internal static class SearchProperties
{
    public const string DirectiveNumber = "NumberSearch";
    public const string DirectiveSubject = "SubjectSearch";
    public const string DirectiveIssuingBody = "IssuingBodySearch";
    public const string DirectiveSigner = "SignerSearch";

    /// <summary>Everything the directive <c>query</c> searches: number, subject, issuing body, signer and body.</summary>
    public const string DirectiveText = "SearchText";

    public const string TaskTitle = "TitleSearch";
    public const string TaskContent = "ContentSearch";
}
