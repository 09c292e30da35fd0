using Directives.Domain.Time;

namespace Directives.Server.DemoData;

/// <summary>
/// The demo data as it stood at one instant. Every demo fact carries its real or plausible date; facts
/// dated after <see cref="Now"/> are left out (a directive not yet issued, a report not yet filed, a
/// merger not yet in force). With the real clock all of them are in the past, so what the demo shows,
/// timeliness included, is the same whatever day it runs; a test clock set back in time shows an
/// earlier state, with tasks still in time.
/// </summary>
internal sealed class DemoTimeline
{
    public DemoTimeline(DateTimeOffset now)
    {
        Now = now.ToUniversalTime();
        Today = VietnamTime.DateOf(now);
    }

    public DateTimeOffset Now { get; }

    /// <summary>The calendar day in Vietnam at <see cref="Now"/>.</summary>
    public DateOnly Today { get; }

    public bool HasHappened(DateOnly day) => day <= Today;

    public bool HasHappened(DateTimeOffset instant) => instant <= Now;

    /// <summary>An office-hours instant on <paramref name="day"/> in Vietnam, in UTC.</summary>
    public static DateTimeOffset At(DateOnly day, int hour = 9) => VietnamTime.StartOfDay(day).AddHours(hour);
}
