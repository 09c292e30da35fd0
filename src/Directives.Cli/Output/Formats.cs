using System.Globalization;
using System.Reflection;
using Directives.Contracts.V1;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Directives.Cli.Output;

/// <summary>Field values as people read them in Vietnam: dd/MM/yyyy dates, resource ids rather than full names.</summary>
internal static class Formats
{
    public static string Date(Date? date) => date is null || date.Year == 0 ? "" : $"{date.Day:00}/{date.Month:00}/{date.Year:0000}";

    public static string Date(Timestamp? time)
    {
        if (time is null)
        {
            return "";
        }

        var local = TimeZoneInfo.ConvertTime(time.ToDateTimeOffset(), VietnamTime);
        return local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>An enum value by its .proto name (<c>READ_ONLY</c>), as filters and <c>--json</c> write it.</summary>
    public static string Enum<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
        => ProtoEnumOption.ProtoName(value);

    /// <summary>The last segment of a resource name: <c>cong-an-tinh</c> for <c>provinces/hung-yen/agencies/cong-an-tinh</c>.</summary>
    public static string Id(string? name) => string.IsNullOrEmpty(name) ? "" : name[(name.LastIndexOf('/') + 1)..];

    /// <summary>The province id of a resource name.</summary>
    public static string ProvinceOf(string name)
    {
        var parts = name.Split('/');
        return parts.Length > 1 ? parts[1] : "";
    }

    public static string Deadline(Deadline? deadline) => deadline?.KindCase switch
    {
        Contracts.V1.Deadline.KindOneofCase.Date => Date(deadline.Date),
        Contracts.V1.Deadline.KindOneofCase.Period => Period(deadline.Period),
        Contracts.V1.Deadline.KindOneofCase.Standing => "thường xuyên",
        _ => "",
    };

    /// <summary>As documents write periods: "Quý III/2024", "6 tháng đầu năm 2024", "năm 2025".</summary>
    public static string Period(Period? period) => period?.Kind switch
    {
        PeriodKind.Quarter => $"Quý {Roman(period.Index)}/{period.Year}",
        PeriodKind.HalfYear => (period.Index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + period.Year,
        PeriodKind.Year => "năm " + period.Year,
        _ => "",
    };

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => quarter.ToString(CultureInfo.InvariantCulture) };

    private static TimeZoneInfo VietnamTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
