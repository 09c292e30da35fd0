using Directives.Server.Auth;

namespace Directives.Bench;

/// <summary>Development tokens for the benchmarks' callers, signed with the key the server accepts in Development.</summary>
public static class BenchTokens
{
    private static readonly DevelopmentTokenIssuer Issuer = new();

    /// <summary>A token of <paramref name="role"/>, of <paramref name="province"/> (null for central roles such as ministry).</summary>
    public static string Issue(string subject, string role, string? province)
        => Issuer.Issue(new DevelopmentTokenRequest(subject, [role]) { Province = province, Lifetime = TimeSpan.FromHours(8) });
}
