using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Directives.Server.Auth;

/// <summary>
/// ASP.NET Core authentication for gRPC callers: an <c>authorization: Bearer …</c> token, or else a mapped
/// client certificate. Never challenges: the tenant interceptor turns the result into a gRPC status.
/// </summary>
internal sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenValidator tokens,
    ClientCertificateIdentities certificates)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Directives";
    public const string TokenAuthenticationType = "Bearer";
    public const string CertificateAuthenticationType = "ClientCertificate";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            // One bearer token, no other scheme: anything else is refused rather than ignored, so a
            // caller never ends up with a weaker identity than the one it sent.
            var value = authorization.Count == 1 ? authorization[0] : null;
            if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.Length == BearerPrefix.Length)
            {
                return AuthenticateResult.Fail(TokenValidationOutcome.InvalidMessage);
            }

            var outcome = await tokens.ValidateAsync(value[BearerPrefix.Length..].Trim(), Context.RequestAborted);
            return outcome.Caller is { } caller
                ? Success(caller, TokenAuthenticationType)
                : AuthenticateResult.Fail(outcome.Failure!);
        }

        if (!certificates.IsEmpty && await Context.Connection.GetClientCertificateAsync(Context.RequestAborted) is { } certificate
            && certificates.Find(certificate) is { } certificateCaller)
        {
            return Success(certificateCaller, CertificateAuthenticationType);
        }

        return AuthenticateResult.NoResult();
    }

    private AuthenticateResult Success(CallerIdentity caller, string authenticationType) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, authenticationType), Scheme.Name));
}
