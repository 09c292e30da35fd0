using System.Security.Claims;

namespace Directives.Server.Auth;

/// <summary>
/// A <see cref="CallerIdentity"/> as the claims of <c>HttpContext.User</c> and back, so ASP.NET Core
/// components (the rate limiter, logging) see the same caller as the gRPC services.
/// </summary>
internal static class CallerClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Province = "province";
    public const string Agency = "agency";
    public const string Role = "roles";

    public static ClaimsPrincipal ToPrincipal(CallerIdentity caller, string authenticationType)
    {
        var claims = new List<Claim> { new(Subject, caller.Subject) };
        AddIfPresent(claims, Name, caller.DisplayName);
        AddIfPresent(claims, Province, caller.ProvinceId);
        AddIfPresent(claims, Agency, caller.Agency);
        claims.AddRange(caller.RoleNameList.Select(role => new Claim(Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Subject, Role));
    }

    /// <summary>The caller of an authenticated principal made by <see cref="ToPrincipal"/>; null otherwise.</summary>
    public static CallerIdentity? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } || principal.FindFirst(Subject)?.Value is not { } subject)
        {
            return null;
        }

        var roles = RoleNames.Parse(principal.FindAll(Role).Select(claim => claim.Value));
        return new CallerIdentity(subject, principal.FindFirst(Name)?.Value, principal.FindFirst(Province)?.Value, principal.FindFirst(Agency)?.Value, roles);
    }

    private static void AddIfPresent(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
