namespace Directives.Server.Auth;

/// <summary>
/// The claims of a Development token. Minted as asked, without checking them, so that tests can also
/// mint tokens the server must refuse (no subject, unknown roles, …).
/// </summary>
/// <param name="Subject">The <c>sub</c> claim; omitted when empty.</param>
/// <param name="Roles">The <c>roles</c> claim: <c>viewer</c>, <c>officer</c>, <c>secretariat</c>, <c>province-admin</c>, <c>ministry</c>, <c>platform-admin</c>.</param>
public sealed record DevelopmentTokenRequest(string Subject, IReadOnlyList<string> Roles)
{
    /// <summary>The <c>province</c> claim (<c>hung-yen</c>); none for <c>ministry</c> and <c>platform-admin</c>.</summary>
    public string? Province { get; init; }

    /// <summary>The <c>agency</c> claim: an agency id of the province (<c>cong-an-tinh</c>) or its resource name.</summary>
    public string? Agency { get; init; }

    /// <summary>The <c>name</c> claim, for example "Nguyễn Thị Lan".</summary>
    public string? DisplayName { get; init; }

    /// <summary>How long the token is valid from now. Eight hours, a working day, by default.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(8);
}
