using System.Globalization;

namespace Grpc.Core.Protocol;

/// <summary>The <c>grpc-timeout</c> header: at most 8 ASCII digits and a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length is < 2 or > 9)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // Ticks are 100 ns; nanoseconds round up so a tiny timeout never becomes zero by truncation alone.
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => (amount + 99) / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>The shortest exact-enough encoding, rounding up so a deadline is never shortened.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        var microseconds = Ceiling(ticks, TimeSpan.TicksPerMicrosecond);
        if (microseconds <= MaxValue)
        {
            // Up to ~100 s: microseconds keep sub-millisecond precision. The check is on the rounded-up value:
            // 99,999,999.5 µs rounds to nine digits, one more than the protocol allows.
            return microseconds.ToString(CultureInfo.InvariantCulture) + "u";
        }

        foreach (var (unitTicks, unit) in Units)
        {
            var amount = Ceiling(ticks, unitTicks);
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static readonly (long Ticks, char Unit)[] Units =
    [
        (TimeSpan.TicksPerMillisecond, 'm'),
        (TimeSpan.TicksPerSecond, 'S'),
        (TimeSpan.TicksPerMinute, 'M'),
        (TimeSpan.TicksPerHour, 'H'),
    ];

    // Without the usual (ticks + unit - 1) / unit, which overflows near TimeSpan.MaxValue.
    private static long Ceiling(long ticks, long unitTicks) => (ticks / unitTicks) + (ticks % unitTicks == 0 ? 0 : 1);
}
