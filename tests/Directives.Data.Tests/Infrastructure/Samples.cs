using System.Text;
using Directives.Data.Changes;
using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>Domain objects as the provinces' documents have them, in Vietnamese (NFC).</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2024, 7, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly ChangeActor Secretariat = new("user-lan", "Nguyễn Thị Lan", "provinces/hung-yen/agencies/van-phong-tinh-uy", ["secretariat"]);

    public static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    public static Agency Agency(string name = "Công an tỉnh", AgencyKind kind = AgencyKind.Police)
        => Domain.Agencies.Agency.Create(Guid.NewGuid(), kind, Nfc(name), new DateOnly(2019, 1, 1));

    public static Directive Directive(string? number = "38-CT/TU", DateOnly? issuedOn = null, string subject = "Về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm an ninh, trật tự năm 2024")
        => Domain.Directives.Directive.CreateDraft(Guid.NewGuid(), new DirectiveDetails
        {
            DocumentType = NumberAndSymbol.TryParse(number, out var parsed) && parsed.DocumentType is { } type ? type : DocumentType.ChiThi,
            NumberAndSymbol = number,
            IssuingBody = Nfc("Ban Thường vụ Tỉnh ủy Hưng Yên"),
            Place = Nfc("Hưng Yên"),
            // A draft without a number has no date yet either.
            IssuedOn = number is null ? issuedOn : issuedOn ?? new DateOnly(2024, 3, 15),
            Subject = Nfc(subject),
            Signer = new Signer(Nfc("Nguyễn Hữu Nghĩa"), Nfc("Bí thư"), "T/M BAN THƯỜNG VỤ"),
            LegalBases = [new LegalBasis("14-NQ/TU", new DateOnly(2022, 12, 19), Nfc("Nghị quyết của Ban Thường vụ Tỉnh ủy về đảm bảo an ninh, trật tự"))],
            Recipients = [Nfc("Bộ Công an"), Nfc("Các sở, ban, ngành, đoàn thể tỉnh"), Nfc("Các huyện ủy, thị ủy, thành ủy")],
            ReportingSchedule = ReportingSchedule.SixMonthly | ReportingSchedule.Annual,
            Confidentiality = Confidentiality.Normal,
            Body = Nfc("Toàn văn được lưu nguyên văn.\nCác cơ quan, đơn vị tổ chức thực hiện."),
        });

    public static DirectiveTask Task(
        Guid directiveId, string number, Guid lead, IReadOnlyList<Guid>? cooperating = null, Deadline? deadline = null, string title = "Tuyên truyền, phổ biến, giáo dục pháp luật về an ninh, trật tự")
        => DirectiveTask.Create(Guid.NewGuid(), directiveId, new TaskDetails
        {
            Number = number,
            Title = Nfc(title),
            Content = Nfc("Các cơ quan, đơn vị đẩy mạnh công tác tuyên truyền; đấu tranh phòng, chống tội phạm ma túy."),
            LeadAgencyId = lead,
            CooperatingAgencyIds = cooperating ?? [],
            OriginalDeadline = deadline ?? Deadline.InPeriod(Period.OfQuarter(2024, 3)),
            Targets =
            [
                new TargetDetails
                {
                    Id = Guid.NewGuid(),
                    Metric = Nfc("Tội phạm về trật tự xã hội"),
                    Comparator = TargetComparator.AtMost,
                    Value = -5m,
                    Unit = "%",
                    Kind = TargetKind.PercentChange,
                    BaselinePeriod = Period.OfYear(2022),
                    BaselineValue = 1234.5m,
                },
                new TargetDetails
                {
                    Id = Guid.NewGuid(),
                    Metric = Nfc("Tỷ lệ điều tra khám phá"),
                    Comparator = TargetComparator.Above,
                    Value = 75m,
                    Unit = "%",
                },
            ],
        });

    public static SteeringCommittee Committee(Guid police, Guid peoplesCommittee)
    {
        var committee = SteeringCommittee.Create(Guid.NewGuid(), CommitteeLevel.Province, Nfc("Ban Chỉ đạo 138 tỉnh Hưng Yên"), Nfc("Hưng Yên"), police);
        committee.Reconstitute(Guid.NewGuid(), new CompositionDetails
        {
            Decision = "1234/QĐ-UBND",
            DecisionDate = new DateOnly(2023, 3, 1),
            EffectiveDate = new DateOnly(2023, 3, 15),
            Members =
            [
                Member(Nfc("Trần Quốc Văn"), Nfc("Chủ tịch UBND tỉnh"), peoplesCommittee, CommitteePosition.Head),
                Member(Nfc("Nguyễn Lê Huy"), Nfc("Phó Chủ tịch UBND tỉnh"), peoplesCommittee, CommitteePosition.FirstDeputy),
                Member(Nfc("Phạm Văn Đức"), Nfc("Giám đốc Công an tỉnh"), police, CommitteePosition.StandingDeputy),
                Member(Nfc("Lê Thị Hoa"), Nfc("Phó Giám đốc Công an tỉnh"), police, CommitteePosition.Deputy, Nfc("Phụ trách công tác phòng, chống ma túy")),
                Member(Nfc("Đỗ Minh Tâm"), Nfc("Giám đốc Sở Y tế"), peoplesCommittee, CommitteePosition.Member),
            ],
        });
        return committee;
    }

    public static MemberDetails Member(string name, string title, Guid agency, CommitteePosition position, params string[] areas)
        => new() { Id = Guid.NewGuid(), PersonName = name, Title = title, AgencyId = agency, Position = position, ResponsibilityAreas = areas };

    public static ChangeEntry Change(string resourceName, ChangeKind kind = ChangeKind.Created, string? etag = null, string? requestId = null)
        => new()
        {
            ResourceName = resourceName,
            ResourceType = resourceName.Contains("/tasks/", StringComparison.Ordinal) ? "directives.gov.vn/Task" : "directives.gov.vn/Directive",
            Kind = kind,
            Method = "/directives.v1.DirectiveService/CreateDirective",
            Actor = Secretariat,
            RequestId = requestId,
            Etag = etag,
            Before = kind == ChangeKind.Created ? null : [1, 2, 3],
            After = Encoding.UTF8.GetBytes(resourceName),
        };
}
