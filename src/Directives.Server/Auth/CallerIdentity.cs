namespace Directives.Server.Auth;

/// <summary>
/// Who is calling, as established from a validated token or a mapped client certificate. Never built
/// from request fields. Create one with <see cref="CallerIdentityFactory"/>, which enforces the claim rules.
/// </summary>
/// <param name="Subject">The token's <c>sub</c>: a stable identifier of the person or service account.</param>
/// <param name="DisplayName">The person's name (<c>name</c> claim), when given.</param>
/// <param name="ProvinceId">The caller's province id (<c>hung-yen</c>); null for ministry and platform administrators.</param>
/// <param name="Agency">The caller's agency as a resource name (<c>provinces/hung-yen/agencies/cong-an-tinh</c>), when given.</param>
/// <param name="Roles">The caller's roles.</param>
internal sealed record CallerIdentity(string Subject, string? DisplayName, string? ProvinceId, string? Agency, CallerRoles Roles)
{
    /// <summary>Whether the caller holds at least one of <paramref name="roles"/>.</summary>
    public bool HasAnyRole(CallerRoles roles) => (Roles & roles) != 0;

    /// <summary>The role names, for audit records and the API's <c>Actor.roles</c>.</summary>
    public IReadOnlyList<string> RoleNameList => RoleNames.Format(Roles);
}
