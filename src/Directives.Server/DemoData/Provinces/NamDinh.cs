using Directives.Domain.Committees;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.DemoData.Provinces;

/// <summary>
/// Nam Định: no seed document, so two invented but plausible directives of the People's Committee;
/// its ten district-level units (Mỹ Lộc merged into the city of Nam Định on 1 January 2025); its Ban
/// Chỉ đạo 138.
/// </summary>
internal static class NamDinh
{
    public static DemoProvince Province { get; } = new("nam-dinh", "Nam Định", Build);

    /// <summary>
    /// The invented vice-chairman for internal affairs until April 2024 (the committee's first deputy,
    /// then its head): he signs the invented directives of 2023 and January 2024.
    /// </summary>
    internal const string SigningViceChairman = "Vũ Mạnh Cường";

    /// <summary>His successor as vice-chairman for internal affairs from April 2024.</summary>
    internal const string ViceChairmanFrom2024 = "Trần Đức Quảng";

    private static void Build(DemoDataBuilder data)
    {
        AddAgencies(data.Agencies);
        NamDinhDirectives.AddTo(data);
        AddCommittee(data);
    }

    private static void AddAgencies(AgencyCatalogue agencies)
    {
        ProvincialAgencies.AddTo(agencies);
        ProvincialAgencies.AddBorderGuard(agencies);

        agencies.AddDistrict("thành phố", "Nam Định");
        agencies.AddDistrict("huyện", "Mỹ Lộc");
        agencies.AddDistrict("huyện", "Vụ Bản");
        agencies.AddDistrict("huyện", "Ý Yên");
        agencies.AddDistrict("huyện", "Nam Trực");
        agencies.AddDistrict("huyện", "Trực Ninh");
        agencies.AddDistrict("huyện", "Xuân Trường");
        agencies.AddDistrict("huyện", "Giao Thủy");
        agencies.AddDistrict("huyện", "Hải Hậu");
        agencies.AddDistrict("huyện", "Nghĩa Hưng");

        // The 2023–2025 rearrangement of district-level units merged the district of Mỹ Lộc into the
        // city of Nam Định from 1 January 2025.
        agencies.Merge(AgencyCatalogue.DistrictId("huyện", "Mỹ Lộc"), AgencyCatalogue.DistrictId("thành phố", "Nam Định"), new DateOnly(2025, 1, 1));

        ProvincialAgencies.MergeDepartments2025(agencies);
    }

    private static void AddCommittee(DemoDataBuilder data)
    {
        var first = new CommitteeRoster
        {
            Chairman = "Đoàn Văn Thắng",
            ViceChairman = SigningViceChairman,
            PoliceDirector = "Trịnh Quốc Khánh",
            DeputyPoliceDirectorForCrime = "Phạm Hồng Quân",
            DeputyPoliceDirectorForMovement = "Nguyễn Đình Tuấn",
            HealthDirector = "Lê Thị Thanh Huyền",
            LabourDirector = "Đỗ Văn Tĩnh",
            FrontChair = "Hoàng Thị Lý",
            MilitaryCommander = "Mai Xuân Bách",
            BorderGuardCommander = "Tống Văn Hiệp",
            ProcuracyChief = "Vũ Thị Hạnh",
            CourtChief = "Trần Quang Diệu",
            EducationDirector = "Phạm Thị Thu Trang",
            TransportDirector = "Ninh Văn Tuyển",
            JusticeDirector = "Đặng Minh Sơn",
            InformationDirector = "Lã Văn Chiến",
            OfficeChief = "Bùi Văn Khiêm",
            YouthUnionSecretary = "Trần Thị Hải Yến",
            WomenUnionChair = "Nguyễn Thị Lụa",
        };
        var second = first with
        {
            Chairman = SigningViceChairman,
            ViceChairman = ViceChairmanFrom2024,
            PoliceDirector = "Phạm Hồng Quân",
            DeputyPoliceDirectorForCrime = "Lưu Văn Thành",
            HealthDirector = "Triệu Thị Minh",
        };

        data.Committee("bcd-138", CommitteeLevel.Province, "Ban Chỉ đạo 138 tỉnh Nam Định", "tỉnh Nam Định", standingAgency: "cong-an-tinh")
            .Reconstitute("1530/QĐ-UBND", new DateOnly(2021, 7, 12), new DateOnly(2021, 7, 12), first.Members())
            .Reconstitute("862/QĐ-UBND", new DateOnly(2024, 4, 22), new DateOnly(2024, 4, 22), second.Members());
    }
}
