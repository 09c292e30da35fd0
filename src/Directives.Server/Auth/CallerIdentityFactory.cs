using Directives.Server.Tenancy;

namespace Directives.Server.Auth;

/// <summary>
/// Turns the claims of a token (or of a client-certificate mapping) into a <see cref="CallerIdentity"/>,
/// refusing contradictory or incomplete ones rather than guessing.
/// </summary>
internal static class CallerIdentityFactory
{
    private const int MaxSubjectLength = 256;
    private const string AgenciesCollection = "/agencies/";

    /// <summary>
    /// The identity, or null with <paramref name="problem"/> saying (for the server log) what is wrong:
    /// no subject; no known role; a <c>ministry</c> or <c>platform-admin</c> token that names a province;
    /// a malformed province; an agency without a province or of another province; an officer without an agency.
    /// </summary>
    public static CallerIdentity? TryCreate(
        string? subject,
        string? displayName,
        string? province,
        string? agency,
        IEnumerable<string> roleNames,
        out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            problem = "the token has no usable 'sub' claim";
            return null;
        }

        var roles = RoleNames.Parse(roleNames);
        if (roles == CallerRoles.None)
        {
            problem = "the token's 'roles' claim names no known role";
            return null;
        }

        province = string.IsNullOrEmpty(province) ? null : province;
        if (province is not null && !ProvinceNames.IsValidId(province))
        {
            problem = "the token's 'province' claim is not a province id";
            return null;
        }

        if (province is not null && (roles & CallerRoles.Central) != 0)
        {
            // A ministry or platform role reaches every province; tied to one province it is a contradiction
            // that could widen a provincial account, so the whole token is refused.
            problem = "a token with the ministry or platform-admin role must not name a province";
            return null;
        }

        var agencyName = NormalizeAgency(agency, province, out problem);
        if (problem is not null)
        {
            return null;
        }

        if ((roles & CallerRoles.Officer) != 0 && agencyName is null)
        {
            problem = "a token with the officer role needs an 'agency' claim";
            return null;
        }

        return new CallerIdentity(subject, string.IsNullOrWhiteSpace(displayName) ? null : displayName, province, agencyName, roles);
    }

    /// <summary>An agency id (<c>cong-an-tinh</c>) becomes the full name within the token's province; a full name must be of that province.</summary>
    private static string? NormalizeAgency(string? agency, string? province, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(agency))
        {
            return null;
        }

        if (province is null)
        {
            problem = "an 'agency' claim needs a 'province' claim";
            return null;
        }

        var prefix = ProvinceNames.Format(province) + AgenciesCollection;
        if (agency.StartsWith(prefix, StringComparison.Ordinal) && ProvinceNames.IsValidId(agency[prefix.Length..]))
        {
            return agency;
        }

        if (ProvinceNames.IsValidId(agency))
        {
            return prefix + agency;
        }

        problem = "the token's 'agency' claim is not an agency id or an agency of the token's province";
        return null;
    }
}
