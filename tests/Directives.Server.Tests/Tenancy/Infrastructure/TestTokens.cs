using Directives.Server.Auth;
using Grpc.Core;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>Development tokens for the test server, and the metadata that carries them.</summary>
internal static class TestTokens
{
    private static readonly DevelopmentTokenIssuer Issuer = new();

    public static string For(string? province, params string[] roles) => Issue(province, agency: null, roles);

    public static string Officer(string province, string agency) => Issue(province, agency, [RoleNames.Officer]);

    public static string Ministry() => For(null, RoleNames.Ministry);

    public static string PlatformAdmin() => For(null, RoleNames.PlatformAdmin);

    public static string Issue(string? province, string? agency, string[] roles, string subject = "test-user") =>
        Issuer.Issue(new DevelopmentTokenRequest(subject, roles) { Province = province, Agency = agency });

    public static Metadata Bearer(string token, params (string Key, string Value)[] entries)
    {
        var metadata = new Metadata { { "authorization", "Bearer " + token } };
        foreach (var (key, value) in entries)
        {
            metadata.Add(key, value);
        }

        return metadata;
    }
}
