namespace Directives.Domain.Directives;

/// <summary>
/// Everything a person enters about a directive; <see cref="Directive.CreateDraft"/> and
/// <see cref="Directive.Update"/> check it all and report every problem at once.
/// </summary>
public sealed record DirectiveDetails
{
    public required DocumentType DocumentType { get; init; }

    /// <summary>As written, e.g. "15/CT-UBND"; may be missing while a draft has no number yet.</summary>
    public string? NumberAndSymbol { get; init; }

    /// <summary>"Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh Tiền Giang".</summary>
    public required string IssuingBody { get; init; }

    public string? Place { get; init; }

    public DateOnly? IssuedOn { get; init; }

    /// <summary>Trích yếu, e.g. "Về công tác bảo đảm an ninh, trật tự năm 2023".</summary>
    public required string Subject { get; init; }

    public Signer? Signer { get; init; }

    public IReadOnlyList<LegalBasis> LegalBases { get; init; } = [];

    /// <summary>Nơi nhận, in the document's order.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The agency that follows up and compiles the reports, e.g. Công an tỉnh.</summary>
    public Guid? MonitoringAgencyId { get; init; }

    public ReportingSchedule ReportingSchedule { get; init; }

    public Confidentiality Confidentiality { get; init; } = Confidentiality.Normal;

    /// <summary>The full text, kept verbatim.</summary>
    public string Body { get; init; } = "";
}
