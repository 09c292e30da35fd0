using System.Threading.RateLimiting;

namespace Directives.Server.RateLimiting;

/// <summary>One token bucket: a burst of <see cref="TokenLimit"/> calls, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
internal sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls over the limit are refused at once (no queue), so a client learns to back off from RetryInfo.</summary>
    public TokenBucketRateLimiterOptions ToLimiterOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
