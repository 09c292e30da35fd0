using Grpc.Core.Protocol;

namespace Directives.Transport.Tests.Client;

/// <summary>The grpc-timeout the client sends: at most 8 digits, never shorter than the deadline.</summary>
public sealed class GrpcTimeoutFormatTests
{
    [Theory]
    [InlineData(1, "1u")]
    [InlineData(10, "1u")]
    [InlineData(11, "2u")]
    [InlineData(999_999_990, "99999999u")]
    [InlineData(999_999_995, "100000m")]
    [InlineData(999_999_999_999, "100000S")]
    public void FormatsTheShortestValueThatIsNotShorter(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(999_999_995L)]
    [InlineData(TimeSpan.TicksPerDay * 3650)]
    [InlineData(long.MaxValue)]
    public void NeverExceedsEightDigitsAndRoundTrips(long ticks)
    {
        var value = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

        Assert.Matches("^[0-9]{1,8}[HMSmun]$", value);
        Assert.True(GrpcTimeout.TryParse(value, out var parsed));
        Assert.True(parsed >= TimeSpan.FromTicks(Math.Min(ticks, TimeSpan.TicksPerHour * 99_999_999)));
    }
}
