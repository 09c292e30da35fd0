namespace Directives.Domain.Time;

public enum PeriodKind
{
    /// <summary>Quý: "Quý III/2024".</summary>
    Quarter = 1,

    /// <summary>Sáu tháng: "6 tháng đầu năm 2024", "6 tháng cuối năm 2024".</summary>
    HalfYear = 2,

    /// <summary>Năm: "năm 2025".</summary>
    Year = 3,
}
