using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Directives.Server.Auth;

/// <summary>
/// Validates bearer tokens: signature by a configured key (plus the Development key in Development),
/// issuer, audience, <c>exp</c> (required) and <c>nbf</c>, then the claim rules of <see cref="CallerIdentityFactory"/>.
/// </summary>
internal sealed partial class TokenValidator
{
    // Asymmetric and HMAC algorithms only: "none" and anything unlisted are refused whatever the key.
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly ILogger<TokenValidator> _logger;

    public TokenValidator(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<TokenValidator> logger)
    {
        var auth = options.Value;
        var keys = new List<SecurityKey>();
        foreach (var text in auth.SigningKeys)
        {
            keys.Add(SigningKeys.TryParse(text, out _) ?? throw new InvalidOperationException("An Auth:SigningKeys entry cannot be used."));
        }

        // AuthOptionsValidator has already refused a Development key outside Development; this only adds it where it belongs.
        if (environment.IsDevelopment() && !string.IsNullOrEmpty(auth.DevelopmentKey))
        {
            keys.Add(SigningKeys.TryParse(auth.DevelopmentKey, out _) ?? throw new InvalidOperationException("Auth:DevelopmentKey cannot be used."));
        }

        _parameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = auth.ClockSkew,
        };
        _logger = logger;
    }

    public async Task<TokenValidationOutcome> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            LogRefused(_logger, result.Exception?.Message ?? "not a JWS");
            return result.Exception is SecurityTokenExpiredException ? TokenValidationOutcome.Expired() : TokenValidationOutcome.Invalid();
        }

        var caller = CallerIdentityFactory.TryCreate(
            jwt.Subject,
            Claim(jwt, "name"),
            Claim(jwt, "province"),
            Claim(jwt, "agency"),
            jwt.Claims.Where(claim => claim.Type == "roles").Select(claim => claim.Value),
            out var problem);
        if (caller is null)
        {
            LogRefused(_logger, problem!);
            return TokenValidationOutcome.Invalid();
        }

        return TokenValidationOutcome.Success(caller);
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) ? value : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
