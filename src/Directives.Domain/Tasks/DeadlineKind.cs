namespace Directives.Domain.Tasks;

public enum DeadlineKind
{
    /// <summary>A calendar day: "30/06/2024".</summary>
    Date = 1,

    /// <summary>The end of a quarter, half-year or year: "Quý III/2024", "trong năm 2025".</summary>
    Period = 2,

    /// <summary>Thường xuyên: an ongoing duty with no due date.</summary>
    Standing = 3,
}
