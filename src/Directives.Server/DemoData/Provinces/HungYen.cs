using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.DemoData.Provinces;

/// <summary>Hưng Yên: two real documents from the seeds, its ten district-level units, its Ban Chỉ đạo 138.</summary>
internal static class HungYen
{
    public static DemoProvince Province { get; } = new("hung-yen", "Hưng Yên", Build);

    private static void Build(DemoDataBuilder data)
    {
        AddAgencies(data.Agencies);
        HungYenLetter2157.AddTo(data);
        HungYenDirective2024.AddTo(data);
        AddCommittee(data);
    }

    private static void AddAgencies(AgencyCatalogue agencies)
    {
        ProvincialAgencies.AddTo(agencies);

        // The district-level units before the two-tier local government of 1 July 2025.
        agencies.AddDistrict("thành phố", "Hưng Yên");
        agencies.Add(AgencyCatalogue.DistrictId("thị xã", "Mỹ Hào"), AgencyKind.DistrictPeoplesCommittee, "Ủy ban nhân dân huyện Mỹ Hào");
        agencies.AddDistrict("huyện", "Văn Lâm");
        agencies.AddDistrict("huyện", "Văn Giang");
        agencies.AddDistrict("huyện", "Yên Mỹ");
        agencies.AddDistrict("huyện", "Khoái Châu");
        agencies.AddDistrict("huyện", "Ân Thi");
        agencies.AddDistrict("huyện", "Kim Động");
        agencies.AddDistrict("huyện", "Tiên Lữ");
        agencies.AddDistrict("huyện", "Phù Cừ");

        // Mỹ Hào became a district-level town (thị xã) on 1 April 2019: a rename, the unit unchanged.
        agencies.Rename(AgencyCatalogue.DistrictId("thị xã", "Mỹ Hào"), "Ủy ban nhân dân thị xã Mỹ Hào", new DateOnly(2019, 4, 1));

        ProvincialAgencies.MergeDepartments2025(agencies);
    }

    private static void AddCommittee(DemoDataBuilder data)
    {
        var first = new CommitteeRoster
        {
            Chairman = "Phạm Minh Khôi",
            ViceChairman = "Lương Văn Tiến",
            PoliceDirector = "Đinh Quang Huấn",
            DeputyPoliceDirectorForCrime = "Tạ Văn Lộc",
            DeputyPoliceDirectorForMovement = "Hoàng Đức Thịnh",
            HealthDirector = "Nguyễn Thị Thu Hiền",
            LabourDirector = "Đào Văn Khang",
            FrontChair = "Vũ Thị Hồng Nhung",
            MilitaryCommander = "Trịnh Văn Quyết",
            ProcuracyChief = "Lê Hữu Thọ",
            CourtChief = "Mai Văn Cẩn",
            EducationDirector = "Phan Thị Ngọc Lan",
            TransportDirector = "Cao Minh Tuệ",
            JusticeDirector = "Bùi Quang Vinh",
            InformationDirector = "Dương Thanh Bình",
            OfficeChief = "Kiều Văn Hạnh",
            YouthUnionSecretary = "Đỗ Thị Phương Thảo",
            WomenUnionChair = "Hà Thị Kim Oanh",
        };

        // After the mid-term changes of 2023 the chairman, two department heads and the procuracy
        // chief are new; the police leadership carries over, so member history spans both decisions.
        var second = first with
        {
            Chairman = "Lương Văn Tiến",
            ViceChairman = "Nguyễn Quốc Hưng",
            LabourDirector = "Lại Thế Trung",
            ProcuracyChief = "Quách Văn Sỹ",
            EducationDirector = "Tô Thị Minh Hà",
        };

        data.Committee("bcd-138", CommitteeLevel.Province, "Ban Chỉ đạo 138 tỉnh Hưng Yên", "tỉnh Hưng Yên", standingAgency: "cong-an-tinh")
            .Reconstitute("1205/QĐ-UBND", new DateOnly(2021, 6, 25), new DateOnly(2021, 7, 1), first.Members())
            .Reconstitute("2468/QĐ-UBND", new DateOnly(2023, 11, 10), new DateOnly(2023, 11, 15), second.Members())
            .EndMembership("Hoàng Đức Thịnh", new DateOnly(2024, 8, 31), "Điều động nhận nhiệm vụ mới")
            .Appoint(
                new DemoMember(CommitteePosition.Deputy, "Ngô Xuân Trường", "Phó Giám đốc Công an tỉnh", "cong-an-tinh", ["Phụ trách phong trào toàn dân bảo vệ an ninh Tổ quốc"]),
                new DateOnly(2024, 9, 16),
                "1876/QĐ-UBND");
    }
}
