using Directives.Domain.Committees;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.DemoData.Provinces;

/// <summary>
/// Hải Dương: no seed document, so an invented plan of the People's Committee and an invented letter
/// of the Party standing committee; its twelve district-level units; its Ban Chỉ đạo 138.
/// </summary>
internal static class HaiDuong
{
    public static DemoProvince Province { get; } = new("hai-duong", "Hải Dương", Build);

    /// <summary>The invented vice-chairman for internal affairs, who signs the invented plan.</summary>
    internal const string ViceChairman = "Nguyễn Trọng Hiếu";

    private static void Build(DemoDataBuilder data)
    {
        AddAgencies(data.Agencies);
        HaiDuongDirectives.AddTo(data);
        AddCommittee(data);
    }

    private static void AddAgencies(AgencyCatalogue agencies)
    {
        ProvincialAgencies.AddTo(agencies);

        agencies.AddDistrict("thành phố", "Hải Dương");
        agencies.AddDistrict("thành phố", "Chí Linh");
        agencies.AddDistrict("thị xã", "Kinh Môn");
        agencies.AddDistrict("huyện", "Nam Sách");
        agencies.AddDistrict("huyện", "Kim Thành");
        agencies.AddDistrict("huyện", "Thanh Hà");
        agencies.AddDistrict("huyện", "Cẩm Giàng");
        agencies.AddDistrict("huyện", "Bình Giang");
        agencies.AddDistrict("huyện", "Gia Lộc");
        agencies.AddDistrict("huyện", "Tứ Kỳ");
        agencies.AddDistrict("huyện", "Ninh Giang");
        agencies.AddDistrict("huyện", "Thanh Miện");

        ProvincialAgencies.MergeDepartments2025(agencies);
    }

    private static void AddCommittee(DemoDataBuilder data)
    {
        var first = new CommitteeRoster
        {
            Chairman = "Lê Đình Khải",
            ViceChairman = "Phạm Quang Chiến",
            PoliceDirector = "Vũ Văn Hiển",
            DeputyPoliceDirectorForCrime = "Nguyễn Hữu Đông",
            DeputyPoliceDirectorForMovement = "Trần Văn Kiên",
            HealthDirector = "Đồng Thị Phương",
            LabourDirector = "Hoàng Văn Tứ",
            FrontChair = "Nguyễn Thị Bích Ngọc",
            MilitaryCommander = "Đặng Văn Thuyết",
            ProcuracyChief = "Phạm Thị Hải Vân",
            CourtChief = "Bùi Văn Kha",
            EducationDirector = "Lương Thị Hòa",
            TransportDirector = "Tiêu Văn Hoàn",
            JusticeDirector = "Vương Đình Luật",
            InformationDirector = "Đỗ Thanh Tùng",
            OfficeChief = "Nhữ Văn Phong",
            YouthUnionSecretary = "Phạm Thu Uyên",
            WomenUnionChair = "Trần Thị Nhàn",
        };
        var second = first with
        {
            ViceChairman = ViceChairman,
            PoliceDirector = "Nguyễn Hữu Đông",
            DeputyPoliceDirectorForCrime = "Cao Xuân Lâm",
            JusticeDirector = "Phí Văn Thuận",
        };

        data.Committee("bcd-138", CommitteeLevel.Province, "Ban Chỉ đạo 138 tỉnh Hải Dương", "tỉnh Hải Dương", standingAgency: "cong-an-tinh")
            .Reconstitute("2010/QĐ-UBND", new DateOnly(2021, 7, 20), new DateOnly(2021, 7, 20), first.Members())
            .Reconstitute("1355/QĐ-UBND", new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 8), second.Members());
    }
}
