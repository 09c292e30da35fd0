using System.Security.Cryptography;
using Directives.Server.Auth;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Directives.Server.Tests.Tenancy;

/// <summary>Bearer token validation: signature, issuer, audience, lifetime and the claim rules.</summary>
public sealed class TokenValidationTests
{
    private static readonly DevelopmentTokenIssuer Issuer = new();

    [Fact]
    public async Task AValidTokenGivesTheCallerItsClaims()
    {
        var token = Issuer.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Officer, "unknown-role"])
        {
            Province = "hung-yen",
            Agency = "cong-an-tinh",
            DisplayName = "Nguyễn Thị Lan",
        });

        var caller = (await Validator().ValidateAsync(token, CancellationToken.None)).Caller;

        Assert.NotNull(caller);
        Assert.Equal(new CallerIdentity("lan", "Nguyễn Thị Lan", "hung-yen", "provinces/hung-yen/agencies/cong-an-tinh", CallerRoles.Officer), caller);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedAsExpired()
    {
        var past = new DevelopmentTokenIssuer(DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience, new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)));
        var token = past.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen", Lifetime = TimeSpan.FromHours(1) });

        var outcome = await Validator().ValidateAsync(token, CancellationToken.None);

        Assert.Null(outcome.Caller);
        Assert.Equal(TokenValidationOutcome.ExpiredMessage, outcome.Failure);
    }

    [Fact]
    public async Task ATokenNotYetValidIsRefused()
    {
        var future = new DevelopmentTokenIssuer(DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience, new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(1)));
        await AssertRefusedAsync(future.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen" }));
    }

    [Fact]
    public async Task AWrongSignatureIsRefused()
    {
        var forger = new DevelopmentTokenIssuer(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DevelopmentTokenIssuer.DefaultIssuer, DevelopmentTokenIssuer.DefaultAudience);
        await AssertRefusedAsync(forger.Issue(new DevelopmentTokenRequest("mallory", [RoleNames.Secretariat]) { Province = "hung-yen" }));
    }

    [Fact]
    public async Task ATamperedPayloadIsRefused()
    {
        var token = Issuer.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen" });
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("hung-yen", "dong-thap", StringComparison.Ordinal);
        await AssertRefusedAsync($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
    }

    [Fact]
    public async Task AnUnsignedTokenIsRefused()
    {
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenIssuer.DefaultIssuer,
            Audience = DevelopmentTokenIssuer.DefaultAudience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["roles"] = new[] { RoleNames.Ministry } },
        });
        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task AWrongIssuerIsRefused()
    {
        var other = new DevelopmentTokenIssuer(DevelopmentTokenIssuer.DefaultKey, "https://other-issuer", DevelopmentTokenIssuer.DefaultAudience);
        await AssertRefusedAsync(other.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen" }));
    }

    [Fact]
    public async Task AWrongAudienceIsRefused()
    {
        var other = new DevelopmentTokenIssuer(DevelopmentTokenIssuer.DefaultKey, DevelopmentTokenIssuer.DefaultIssuer, "another-api");
        await AssertRefusedAsync(other.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen" }));
    }

    [Theory]
    [InlineData("", "viewer", "hung-yen", null)]                       // no subject
    [InlineData("lan", "", "hung-yen", null)]                          // no role
    [InlineData("lan", "guest", "hung-yen", null)]                     // no known role
    [InlineData("lan", "ministry", "hung-yen", null)]                  // a central role tied to a province
    [InlineData("lan", "platform-admin", "hung-yen", null)]
    [InlineData("lan", "officer", "hung-yen", null)]                   // an officer without an agency
    [InlineData("lan", "viewer", null, "cong-an-tinh")]                // an agency without a province
    [InlineData("lan", "officer", "hung-yen", "provinces/dong-thap/agencies/cong-an-tinh")] // another province's agency
    [InlineData("lan", "viewer", "Hung Yen", null)]                    // a province that is no id
    public async Task MissingOrContradictoryClaimsAreRefused(string subject, string role, string? province, string? agency)
    {
        var roles = role.Length == 0 ? Array.Empty<string>() : [role];
        await AssertRefusedAsync(Issuer.Issue(new DevelopmentTokenRequest(subject, roles) { Province = province, Agency = agency }));
    }

    [Fact]
    public async Task AMinistryTokenHasNoProvince()
    {
        var caller = (await Validator().ValidateAsync(Issuer.Issue(new DevelopmentTokenRequest("bo-cong-an", [RoleNames.Ministry])), CancellationToken.None)).Caller;
        Assert.Equal(new CallerIdentity("bo-cong-an", null, null, null, CallerRoles.Ministry), caller);
    }

    [Fact]
    public async Task AnRsaSignedTokenVerifiesWithAConfiguredPublicKey()
    {
        using var rsa = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://login.example.gov.vn",
            Audience = "directives-grpc",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = "svc", ["province"] = "hung-yen", ["roles"] = new[] { RoleNames.Viewer } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
        var validator = Validator(new AuthOptions
        {
            Issuer = "https://login.example.gov.vn",
            Audience = "directives-grpc",
            SigningKeys = [rsa.ExportSubjectPublicKeyInfoPem()],
        }, Environments.Production);

        var caller = (await validator.ValidateAsync(token, CancellationToken.None)).Caller;

        Assert.Equal("svc", caller?.Subject);
    }

    [Fact]
    public async Task TheDevelopmentKeyIsNotTrustedOutsideDevelopment()
    {
        var options = DevelopmentOptions();
        options.SigningKeys = [Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))];
        var validator = Validator(options, Environments.Production);

        var outcome = await validator.ValidateAsync(Issuer.Issue(new DevelopmentTokenRequest("lan", [RoleNames.Viewer]) { Province = "hung-yen" }), CancellationToken.None);

        Assert.Null(outcome.Caller);
    }

    [Fact]
    public void TheDevelopmentKeyIsTheDocumentedHash() =>
        Assert.Equal(DevelopmentTokenIssuer.DefaultKey, Convert.ToBase64String(SHA256.HashData(DevelopmentTokenIssuer.DefaultKeySeed)));

    private static async Task AssertRefusedAsync(string token)
    {
        var outcome = await Validator().ValidateAsync(token, CancellationToken.None);
        Assert.Null(outcome.Caller);
        Assert.Equal(TokenValidationOutcome.InvalidMessage, outcome.Failure);
    }

    private static AuthOptions DevelopmentOptions() => new()
    {
        Issuer = DevelopmentTokenIssuer.DefaultIssuer,
        Audience = DevelopmentTokenIssuer.DefaultAudience,
        DevelopmentKey = DevelopmentTokenIssuer.DefaultKey,
    };

    private static TokenValidator Validator(AuthOptions? options = null, string environment = "Development") =>
        new(Options.Create(options ?? DevelopmentOptions()), new TestEnvironment(environment), NullLogger<TokenValidator>.Instance);

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Directives.Server.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
