using Directives.Domain.Committees;

namespace Directives.Server.DemoData;

/// <summary>
/// The seats of a provincial Ban Chỉ đạo 138 as the provinces' decisions set them (DESIGN.md): the
/// People's Committee chairman heads it, a vice-chairman is first deputy, the police director is
/// standing deputy; the deputies are the heads of health, labour–invalids–social affairs and the
/// Fatherland Front and two deputy police directors; the members head the other agencies with
/// crime-prevention duties. Only the people differ between provinces and decisions, so a roster
/// names them and <see cref="Members"/> lays them out in the decisions' order. Every name is invented.
/// </summary>
internal sealed record CommitteeRoster
{
    public required string Chairman { get; init; }

    public required string ViceChairman { get; init; }

    public required string PoliceDirector { get; init; }

    public required string DeputyPoliceDirectorForCrime { get; init; }

    public required string DeputyPoliceDirectorForMovement { get; init; }

    public required string HealthDirector { get; init; }

    public required string LabourDirector { get; init; }

    public required string FrontChair { get; init; }

    public required string MilitaryCommander { get; init; }

    /// <summary>Only in provinces with a coast or a land border.</summary>
    public string? BorderGuardCommander { get; init; }

    public required string ProcuracyChief { get; init; }

    public required string CourtChief { get; init; }

    public required string EducationDirector { get; init; }

    public required string TransportDirector { get; init; }

    public required string JusticeDirector { get; init; }

    public required string InformationDirector { get; init; }

    public required string OfficeChief { get; init; }

    public required string YouthUnionSecretary { get; init; }

    public required string WomenUnionChair { get; init; }

    public IReadOnlyList<DemoMember> Members()
    {
        var members = new List<DemoMember>
        {
            new(CommitteePosition.Head, Chairman, "Chủ tịch UBND tỉnh", "ubnd-tinh", ["Lãnh đạo, chỉ đạo chung hoạt động của Ban Chỉ đạo"]),
            new(CommitteePosition.FirstDeputy, ViceChairman, "Phó Chủ tịch UBND tỉnh", "ubnd-tinh", ["Giúp Trưởng ban chỉ đạo khối nội chính; điều hành khi Trưởng ban vắng mặt"]),
            new(CommitteePosition.StandingDeputy, PoliceDirector, "Giám đốc Công an tỉnh", "cong-an-tinh", ["Thường trực Ban Chỉ đạo; tham mưu chỉ đạo công tác phòng, chống tội phạm"]),
            new(CommitteePosition.Deputy, DeputyPoliceDirectorForCrime, "Phó Giám đốc Công an tỉnh", "cong-an-tinh", ["Phụ trách công tác đấu tranh phòng, chống tội phạm"]),
            new(CommitteePosition.Deputy, DeputyPoliceDirectorForMovement, "Phó Giám đốc Công an tỉnh", "cong-an-tinh", ["Phụ trách phong trào toàn dân bảo vệ an ninh Tổ quốc"]),
            new(CommitteePosition.Deputy, HealthDirector, "Giám đốc Sở Y tế", "so-y-te", ["Phụ trách công tác điều trị nghiện bằng thuốc thay thế, phòng, chống HIV/AIDS"]),
            new(CommitteePosition.Deputy, LabourDirector, "Giám đốc Sở Lao động – Thương binh và Xã hội", "so-ldtbxh", ["Phụ trách công tác cai nghiện ma túy, phòng, chống mại dâm"]),
            new(CommitteePosition.Deputy, FrontChair, "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "uy-ban-mttq-tinh", ["Phụ trách vận động Nhân dân tham gia phòng, chống tội phạm ở khu dân cư"]),
            new(CommitteePosition.Member, MilitaryCommander, "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "bo-chi-huy-quan-su-tinh", ["Phối hợp bảo đảm an ninh, trật tự theo Nghị định số 03/2019/NĐ-CP"]),
        };
        if (BorderGuardCommander is not null)
        {
            members.Add(new(CommitteePosition.Member, BorderGuardCommander, "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "bo-chi-huy-bo-doi-bien-phong-tinh", ["Phòng, chống tội phạm ở khu vực biên giới biển"]));
        }

        members.AddRange(
        [
            new(CommitteePosition.Member, ProcuracyChief, "Viện trưởng Viện kiểm sát nhân dân tỉnh", "vien-kiem-sat-nhan-dan-tinh", ["Kiểm sát việc giải quyết tin báo, tố giác tội phạm"]),
            new(CommitteePosition.Member, CourtChief, "Chánh án Tòa án nhân dân tỉnh", "toa-an-nhan-dan-tinh", ["Xét xử kịp thời các vụ án hình sự trọng điểm"]),
            new(CommitteePosition.Member, EducationDirector, "Giám đốc Sở Giáo dục và Đào tạo", "so-gddt", ["Phòng, chống tội phạm và bạo lực học đường"]),
            new(CommitteePosition.Member, TransportDirector, "Giám đốc Sở Giao thông vận tải", "so-gtvt", ["Bảo đảm trật tự, an toàn giao thông"]),
            new(CommitteePosition.Member, JusticeDirector, "Giám đốc Sở Tư pháp", "so-tu-phap", ["Tuyên truyền, phổ biến, giáo dục pháp luật"]),
            new(CommitteePosition.Member, InformationDirector, "Giám đốc Sở Thông tin và Truyền thông", "so-tttt", ["Định hướng báo chí; bảo đảm an toàn thông tin mạng"]),
            new(CommitteePosition.Member, OfficeChief, "Chánh Văn phòng UBND tỉnh", "van-phong-ubnd-tinh", ["Tham mưu, tổng hợp cho Trưởng ban"]),
            new(CommitteePosition.Member, YouthUnionSecretary, "Bí thư Tỉnh đoàn", "tinh-doan", ["Phòng, chống tội phạm trong thanh, thiếu niên"]),
            new(CommitteePosition.Member, WomenUnionChair, "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", "hoi-lien-hiep-phu-nu-tinh", ["Phòng, chống mua bán người và bạo lực gia đình"]),
        ]);
        return members;
    }
}
