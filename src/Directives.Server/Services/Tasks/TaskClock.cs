namespace Directives.Server.Services.Tasks;

/// <summary>
/// The instant a task is read at and the province's time zone: timeliness and <c>days_late</c> are
/// computed from them at read time, never stored (they change with the passing of time alone).
/// </summary>
internal sealed record TaskClock(DateTimeOffset Now, TimeZoneInfo Zone)
{
    public DateOnly Today => DateOf(Now);

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The zone of a province's registry entry; Vietnam's when the system does not know it.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId)
        => timeZoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : Domain.Time.VietnamTime.Zone;
}
