namespace Directives.Server.Auth;

/// <summary>
/// How callers are authenticated, bound from the <c>Auth</c> configuration section:
/// <code>
/// "Auth": {
///   "Issuer": "https://login.example.gov.vn",
///   "Audience": "directives-grpc",
///   "SigningKeys": [ "base64 of a 256-bit or longer HMAC key", "-----BEGIN PUBLIC KEY-----\n…" ],
///   "ClockSkew": "00:01:00",
///   "DevelopmentKey": "…",            // Development only; the server refuses to start with it elsewhere
///   "ClientCertificates": { … }       // optional mutual TLS, see ClientCertificateOptions
/// }
/// </code>
/// </summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The only accepted <c>iss</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The only accepted <c>aud</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Keys that verify token signatures: base64 HMAC keys (at least 32 bytes) or PEM RSA public keys.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// The local key that signs and verifies tokens in Development (base64), shipped in
    /// appsettings.Development.json. Public by nature, so configuring it outside Development stops the server.
    /// </summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>Tolerance for <c>exp</c> and <c>nbf</c> between clocks. At most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Optional client certificates (mutual TLS) and the identities they stand for.</summary>
    public ClientCertificateOptions ClientCertificates { get; set; } = new();
}
