using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Directives.Server.Auth;

/// <summary>
/// Mints HS256 tokens with the well-known Development key, for the CLI (<c>directives token</c>), tests and
/// local runs. The server accepts them only in the Development environment: the key is public, and the
/// server refuses to start with it anywhere else.
/// </summary>
/// <remarks>
/// Depends on Microsoft.IdentityModel.JsonWebTokens and this file's <see cref="DevelopmentTokenRequest"/>
/// only, so a client can reference the server project or compile these two files itself.
/// </remarks>
public sealed class DevelopmentTokenIssuer
{
    /// <summary>
    /// The Development signing key, base64 of 32 bytes: the SHA-256 of the UTF-8 text
    /// "Directives.Grpc development signing key. Never outside Development." Deterministic, so every
    /// checkout and the CLI agree on it without configuration; also in appsettings.Development.json.
    /// </summary>
    public const string DefaultKey = "ZXbRrVhTF4OSmngtOEVwRnK8okBE3Deij2eM6PbZes0=";

    /// <summary>The <c>iss</c> of Development tokens, as in appsettings.Development.json.</summary>
    public const string DefaultIssuer = "directives-development";

    /// <summary>The <c>aud</c> of Development tokens, as in appsettings.Development.json.</summary>
    public const string DefaultAudience = "directives-grpc";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly TimeProvider _timeProvider;

    /// <summary>An issuer with the default key, issuer and audience.</summary>
    public DevelopmentTokenIssuer()
        : this(DefaultKey, DefaultIssuer, DefaultAudience)
    {
    }

    public DevelopmentTokenIssuer(string keyBase64, string issuer, string audience, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyBase64);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        _credentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(keyBase64)), SecurityAlgorithms.HmacSha256);
        _issuer = issuer;
        _audience = audience;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A signed compact JWT carrying <paramref name="request"/>'s claims.</summary>
    public string Issue(DevelopmentTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["roles"] = request.Roles.ToArray() };
        AddIfPresent(claims, "sub", request.Subject);
        AddIfPresent(claims, "province", request.Province);
        AddIfPresent(claims, "agency", request.Agency);
        AddIfPresent(claims, "name", request.DisplayName);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + request.Lifetime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }

    /// <summary>The UTF-8 text whose SHA-256 is <see cref="DefaultKey"/>, so anyone can check where the key comes from.</summary>
    internal static byte[] DefaultKeySeed => Encoding.UTF8.GetBytes("Directives.Grpc development signing key. Never outside Development.");

    private static void AddIfPresent(Dictionary<string, object> claims, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[name] = value;
        }
    }
}
