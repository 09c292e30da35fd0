namespace Directives.Domain.Time;

/// <summary>
/// Calendar days as the provinces count them: deadlines end at the last instant of a day in
/// Asia/Ho_Chi_Minh. Instants come back in UTC, ready for storage (Npgsql rejects other offsets).
/// </summary>
public static class VietnamTime
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    // Windows names the same zone differently; a container without tz data has neither.
    private const string WindowsZoneId = "SE Asia Standard Time";

    /// <summary>Vietnam's zone: UTC+7 without daylight saving since 1975.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone(TryFindSystemZone);

    /// <summary>The first instant of <paramref name="day"/> in Vietnam.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The last instant (23:59:59.9999999) of <paramref name="day"/> in Vietnam.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MaxValue));

    /// <summary>The calendar day in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    // Plain arithmetic rather than ConvertTimeToUtc: before 1906 the zone's offset is local mean time
    // (+07:06:40), which DateTimeOffset cannot carry, and old offset changes leave invalid local times.
    private static DateTimeOffset ToUtc(DateTime local)
        => new(DateTime.SpecifyKind(local - Zone.GetUtcOffset(local), DateTimeKind.Utc));

    internal static TimeZoneInfo FindZone(Func<string, TimeZoneInfo?> findSystemZone)
        => findSystemZone(ZoneId)
            ?? findSystemZone(WindowsZoneId)
            ?? TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(7), "Giờ Việt Nam (UTC+07:00)", "Giờ Việt Nam");

    private static TimeZoneInfo? TryFindSystemZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
