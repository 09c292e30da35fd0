using Directives.Server.Api;
using Directives.Server.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Directives.Server.Tenancy;

/// <summary>The caller of a gRPC call, from ASP.NET Core authentication, or the UNAUTHENTICATED status that says why there is none.</summary>
internal static class CallerAuthentication
{
    public static async Task<CallerIdentity> AuthenticateAsync(HttpContext httpContext)
    {
        // AuthenticateAsync runs the handler once per request and caches the result, so UseAuthentication
        // (for the rate limiter) and this call do not validate the token twice.
        var result = await httpContext.AuthenticateAsync(CallerAuthenticationHandler.SchemeName);
        if (result.Succeeded)
        {
            return CallerClaims.FromPrincipal(result.Principal) ?? throw ApiErrors.TokenInvalid(TokenValidationOutcome.InvalidMessage);
        }

        throw result.Failure is { } failure ? ApiErrors.TokenInvalid(failure.Message) : ApiErrors.TokenMissing();
    }
}
