namespace Directives.Domain.Directives;

/// <summary>
/// The periodic reports a directive asks for, e.g. "định kỳ 6 tháng, năm" =
/// <see cref="SixMonthly"/> | <see cref="Annual"/>.
/// </summary>
[Flags]
public enum ReportingSchedule
{
    None = 0,
    Monthly = 1,
    Quarterly = 2,
    SixMonthly = 4,
    Annual = 8,
}
