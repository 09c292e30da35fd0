namespace Directives.Client.Tests.Calls;

/// <summary>The backoff schedule: exponential ceilings capped at the maximum, full jitter below them.</summary>
public sealed class BackoffTests
{
    [Fact]
    public void CeilingsGrowByTheMultiplierUpToTheMaximum()
    {
        var options = new RetryOptions { InitialBackoff = TimeSpan.FromMilliseconds(200), BackoffMultiplier = 2, MaxBackoff = TimeSpan.FromSeconds(1) };

        Assert.Equal(
            [200, 400, 800, 1000, 1000],
            Enumerable.Range(2, 5).Select(attempt => options.BackoffCeiling(attempt).TotalMilliseconds));
    }

    [Fact]
    public void DelaysAreJitteredBetweenZeroAndTheCeiling()
    {
        var options = new RetryOptions { Random = new Random(138), InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(2) };

        for (var attempt = 2; attempt <= 8; attempt++)
        {
            var delays = Enumerable.Range(0, 200).Select(_ => options.Backoff(attempt)).ToList();
            var ceiling = options.BackoffCeiling(attempt);
            Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, ceiling));
            Assert.True(delays.Distinct().Count() > 100, "jitter spreads the delays");
            Assert.True(delays.Min() < ceiling / 4 && delays.Max() > ceiling * 3 / 4, "full jitter covers the whole range");
        }
    }

    [Fact]
    public void TheFirstRetryIsAttemptTwo()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RetryOptions().BackoffCeiling(1));
}
