using Directives.Domain.Committees;

namespace Directives.Domain.Tests.Committees;

internal static class CommitteeData
{
    public static readonly Guid PeoplesCommittee = Guid.Parse("a0000000-0000-0000-0000-000000000010");
    public static readonly Guid Police = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid Health = Guid.Parse("a0000000-0000-0000-0000-000000000011");
    public static readonly Guid Front = Guid.Parse("a0000000-0000-0000-0000-000000000003");
    public static readonly Guid Court = Guid.Parse("a0000000-0000-0000-0000-000000000012");

    public static MemberDetails Member(string name, CommitteePosition position, Guid agency, string title = "Thủ trưởng") => new()
    {
        Id = Guid.NewGuid(),
        PersonName = name,
        Title = title,
        AgencyId = agency,
        Position = position,
        ResponsibilityAreas = ["Phòng, chống tội phạm"],
    };

    public static IReadOnlyList<MemberDetails> Members(string head = "Nguyễn Văn Vinh", string standingDeputy = "Nguyễn Văn Nhựt") =>
    [
        Member("Trần Văn Dũng", CommitteePosition.Member, Court, "Chánh án TAND tỉnh"),
        Member(head, CommitteePosition.Head, PeoplesCommittee, "Chủ tịch UBND tỉnh"),
        Member("Phạm Văn Trọng", CommitteePosition.FirstDeputy, PeoplesCommittee, "Phó Chủ tịch UBND tỉnh"),
        Member(standingDeputy, CommitteePosition.StandingDeputy, Police, "Giám đốc Công an tỉnh"),
        Member("Lê Thị Hoa", CommitteePosition.Deputy, Health, "Giám đốc Sở Y tế"),
        Member("Võ Văn Bình", CommitteePosition.Deputy, Front, "Chủ tịch Ủy ban MTTQ tỉnh"),
    ];

    public static CompositionDetails Composition(string decision, DateOnly from, IReadOnlyList<MemberDetails>? members = null) => new()
    {
        Decision = decision,
        DecisionDate = from,
        EffectiveDate = from,
        Members = members ?? Members(),
    };

    public static SteeringCommittee Committee() => SteeringCommittee.Create(Guid.NewGuid(), CommitteeLevel.Province, "Ban Chỉ đạo 138 tỉnh Tiền Giang", "Tiền Giang", Police);
}
