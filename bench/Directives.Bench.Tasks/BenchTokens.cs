using Directives.Server.Auth;

namespace Directives.Bench.Tasks;

/// <summary>Development tokens for the benchmark's callers, signed with the key the server accepts in Development.</summary>
internal static class BenchTokens
{
    private static readonly DevelopmentTokenIssuer Issuer = new();

    public static string Viewer() => Issue("viewer");

    public static string Secretariat() => Issue("secretariat");

    private static string Issue(string role)
        => Issuer.Issue(new DevelopmentTokenRequest("bench-" + role, [role]) { Province = ServerProcess.Province, Lifetime = TimeSpan.FromHours(8) });
}
