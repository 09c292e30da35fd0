using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Domain.Tests.Tasks;

/// <summary>Tasks modelled on Tiền Giang's 15/CT-UBND, task 3 and its 2023 targets.</summary>
internal static class TaskData
{
    public static readonly Guid DirectiveId = Guid.Parse("d0000000-0000-0000-0000-000000000015");
    public static readonly Guid Police = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid Military = Guid.Parse("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid Front = Guid.Parse("a0000000-0000-0000-0000-000000000003");
    public static readonly Guid Education = Guid.Parse("a0000000-0000-0000-0000-000000000004");

    public static readonly Guid CrimeDown = Guid.Parse("70000000-0000-0000-0000-000000000001");
    public static readonly Guid ClearanceRate = Guid.Parse("70000000-0000-0000-0000-000000000002");
    public static readonly Guid SeriousClearanceRate = Guid.Parse("70000000-0000-0000-0000-000000000003");
    public static readonly Guid ReportsHandled = Guid.Parse("70000000-0000-0000-0000-000000000004");
    public static readonly Guid ReportsResolved = Guid.Parse("70000000-0000-0000-0000-000000000005");

    /// <summary>"Phấn đấu kéo giảm tội phạm về trật tự xã hội ít nhất 5% so với năm 2022; … trên 75% …; … trên 90% …; 100% …; trên 90%."</summary>
    public static IReadOnlyList<TargetDetails> TienGiangTargets(decimal? crimeBaseline = 1_000m) =>
    [
        new()
        {
            Id = CrimeDown,
            Metric = "Tội phạm về trật tự xã hội",
            Kind = TargetKind.PercentChange,
            Comparator = TargetComparator.AtMost,
            Value = -5m,
            Unit = "vụ",
            BaselinePeriod = Period.OfYear(2022),
            BaselineValue = crimeBaseline,
        },
        new() { Id = ClearanceRate, Metric = "Tỷ lệ điều tra, khám phá án về trật tự xã hội", Comparator = TargetComparator.Above, Value = 75m, Unit = "%" },
        new() { Id = SeriousClearanceRate, Metric = "Tỷ lệ khám phá án rất nghiêm trọng và đặc biệt nghiêm trọng", Comparator = TargetComparator.Above, Value = 90m, Unit = "%" },
        new() { Id = ReportsHandled, Metric = "Tin báo, tố giác tội phạm được tiếp nhận, xử lý", Comparator = TargetComparator.AtLeast, Value = 100m, Unit = "%" },
        new() { Id = ReportsResolved, Metric = "Tỷ lệ giải quyết tin báo, tố giác tội phạm", Comparator = TargetComparator.Above, Value = 90m, Unit = "%" },
    ];

    public static TaskDetails Details(Deadline? deadline = null) => new()
    {
        Number = "3",
        Title = "Phối hợp với ngành Công an bảo đảm an ninh quốc gia, phòng ngừa tội phạm",
        Content = "Phối hợp với ngành Công an triển khai thực hiện quyết liệt, hiệu quả các biện pháp bảo đảm an ninh quốc gia…",
        LeadAgencyId = Police,
        CooperatingAgencyIds = [Military, Front],
        OriginalDeadline = deadline ?? Deadline.InPeriod(Period.OfYear(2023)),
        Targets = TienGiangTargets(),
    };

    public static DirectiveTask Task(Deadline? deadline = null) => DirectiveTask.Create(Guid.NewGuid(), DirectiveId, Details(deadline));

    public static DirectiveTask DueOn(int year, int month, int day) => Task(Deadline.OnDate(new DateOnly(year, month, day)));

    public static ReportDetails Report(Guid agency, ReportKind kind = ReportKind.AdHoc, int percentDone = 50, params TargetMeasurement[] measurements) => new()
    {
        Kind = kind,
        AgencyId = agency,
        Period = kind switch
        {
            ReportKind.Periodic6Month => Period.OfHalfYear(2023, 1),
            ReportKind.Annual => Period.OfYear(2023),
            _ => null,
        },
        Text = "Kết quả thực hiện nhiệm vụ…",
        PercentComplete = percentDone,
        Measurements = measurements,
        SubmittedBy = "Trần Văn A, Phòng Tham mưu",
    };

    public static DeadlineExtensionDetails Extension(Deadline newDeadline, DateTimeOffset? approvedAt = null) => new()
    {
        NewDeadline = newDeadline,
        Reason = "Chờ kết quả tổng kết của các huyện",
        ApprovingDecision = "125/UBND-NC",
        ApprovedAt = approvedAt ?? new DateTimeOffset(2023, 12, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        ApprovedBy = "Chủ tịch UBND tỉnh",
    };

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
        => new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
