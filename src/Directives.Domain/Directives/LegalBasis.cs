namespace Directives.Domain.Directives;

/// <summary>
/// A document this one implements or cites as its ground (căn cứ), by its number and symbol:
/// "Nghị quyết số 14-NQ/TU ngày 19/12/2022 của Ban Thường vụ Tỉnh ủy".
/// </summary>
/// <param name="NumberAndSymbol">The cited document's number and symbol, e.g. "14-NQ/TU".</param>
/// <param name="IssueDate">The cited document's date, when given.</param>
/// <param name="Description">The rest of the citation: type, issuer, subject.</param>
public sealed record LegalBasis(string NumberAndSymbol, DateOnly? IssueDate = null, string? Description = null);
