namespace Directives.Domain.Tasks;

public enum ReportKind
{
    /// <summary>Báo cáo 6 tháng: covers a half-year.</summary>
    Periodic6Month = 1,

    /// <summary>Báo cáo năm: covers a year.</summary>
    Annual = 2,

    /// <summary>Báo cáo đột xuất: on request or on an event.</summary>
    AdHoc = 3,

    /// <summary>The report that the agency's part is done.</summary>
    Completion = 4,
}
