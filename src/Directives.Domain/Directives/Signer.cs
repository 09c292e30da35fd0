namespace Directives.Domain.Directives;

/// <summary>
/// Who signed, as the signature block prints it: "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" / "Nguyễn Hữu Nghĩa".
/// </summary>
/// <param name="FullName">The signer's full name.</param>
/// <param name="Title">The signer's title: "Chủ tịch", "Phó Bí thư Thường trực".</param>
/// <param name="OnBehalfOf">The line above the title (T/M, KT., TL.), when there is one.</param>
public sealed record Signer(string FullName, string Title, string? OnBehalfOf = null);
