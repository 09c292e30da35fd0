namespace Directives.Server.RateLimiting;

/// <summary>
/// Abuse limits for directives.v1 calls, bound from the <c>RateLimiting</c> section:
/// <code>
/// "RateLimiting": {
///   "Enabled": true,
///   "PerCaller":   { "TokenLimit": 100,  "TokensPerPeriod": 50,  "ReplenishmentPeriod": "00:00:01" },
///   "PerProvince": { "TokenLimit": 1000, "TokensPerPeriod": 500, "ReplenishmentPeriod": "00:00:01" }
/// }
/// </code>
/// Each call takes one token from its caller's bucket (by token subject, or by remote address when
/// unauthenticated) and one from its province's (the token's province; callers without one, the
/// ministry and platform administrators, have only their own bucket). Health and reflection are not limited.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public TokenBucketSettings PerCaller { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 50 };

    public TokenBucketSettings PerProvince { get; set; } = new() { TokenLimit = 1000, TokensPerPeriod = 500 };
}
