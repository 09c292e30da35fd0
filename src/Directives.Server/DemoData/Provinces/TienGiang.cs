using Directives.Domain.Committees;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.DemoData.Provinces;

/// <summary>Tiền Giang: Chỉ thị 15/CT-UBND from the seeds, its eleven district-level units, its Ban Chỉ đạo 138.</summary>
internal static class TienGiang
{
    public static DemoProvince Province { get; } = new("tien-giang", "Tiền Giang", Build);

    private static void Build(DemoDataBuilder data)
    {
        AddAgencies(data.Agencies);
        TienGiangDirective15.AddTo(data);
        AddCommittee(data);
    }

    private static void AddAgencies(AgencyCatalogue agencies)
    {
        ProvincialAgencies.AddTo(agencies);
        ProvincialAgencies.AddBorderGuard(agencies);

        // "UBND các H, TP, TX" of 15/CT-UBND: the units before 1 July 2025.
        agencies.AddDistrict("thành phố", "Mỹ Tho");
        agencies.AddDistrict("thị xã", "Gò Công");
        agencies.AddDistrict("thị xã", "Cai Lậy");
        agencies.AddDistrict("huyện", "Cái Bè");
        agencies.AddDistrict("huyện", "Cai Lậy");
        agencies.AddDistrict("huyện", "Tân Phước");
        agencies.AddDistrict("huyện", "Châu Thành");
        agencies.AddDistrict("huyện", "Chợ Gạo");
        agencies.AddDistrict("huyện", "Gò Công Tây");
        agencies.AddDistrict("huyện", "Gò Công Đông");
        agencies.AddDistrict("huyện", "Tân Phú Đông");

        ProvincialAgencies.MergeDepartments2025(agencies);
    }

    private static void AddCommittee(DemoDataBuilder data)
    {
        var first = new CommitteeRoster
        {
            Chairman = "Trương Văn Lực",
            ViceChairman = "Huỳnh Tấn Phát",
            PoliceDirector = "Nguyễn Thành Nhơn",
            DeputyPoliceDirectorForCrime = "Lê Minh Trí",
            DeputyPoliceDirectorForMovement = "Phạm Văn Sang",
            HealthDirector = "Đặng Thị Ngọc Hân",
            LabourDirector = "Trần Văn Lợi",
            FrontChair = "Võ Thị Bích Thủy",
            MilitaryCommander = "Lâm Quốc Dũng",
            BorderGuardCommander = "Hồ Văn Mến",
            ProcuracyChief = "Đoàn Văn Nghĩa",
            CourtChief = "Châu Minh Hiển",
            EducationDirector = "Nguyễn Thị Kim Phượng",
            TransportDirector = "Lý Văn Hậu",
            JusticeDirector = "Tăng Văn Khoa",
            InformationDirector = "Mai Thanh Liêm",
            OfficeChief = "Phan Văn Đức",
            YouthUnionSecretary = "Huỳnh Ngọc Thảo",
            WomenUnionChair = "Dương Thị Thu Ba",
        };
        var second = first with
        {
            ViceChairman = "Trần Thanh Đạm",
            DeputyPoliceDirectorForCrime = "Ngô Quốc Việt",
            FrontChair = "Nguyễn Thị Mỹ Lệ",
            TransportDirector = "Bùi Hữu Tài",
        };

        // The police director retires at the end of August 2024 and his successor is appointed on
        // 1 October, so the standing deputy's seat is vacant through September 2024.
        data.Committee("bcd-138", CommitteeLevel.Province, "Ban Chỉ đạo 138 tỉnh Tiền Giang", "tỉnh Tiền Giang", standingAgency: "cong-an-tinh")
            .Reconstitute("1745/QĐ-UBND", new DateOnly(2021, 7, 5), new DateOnly(2021, 7, 5), first.Members())
            .Reconstitute("2930/QĐ-UBND", new DateOnly(2023, 10, 30), new DateOnly(2023, 11, 1), second.Members())
            .EndMembership("Nguyễn Thành Nhơn", new DateOnly(2024, 8, 31), "Nghỉ hưu theo chế độ")
            .Appoint(
                new DemoMember(CommitteePosition.StandingDeputy, "Lê Minh Trí", "Giám đốc Công an tỉnh", "cong-an-tinh", ["Thường trực Ban Chỉ đạo; tham mưu chỉ đạo công tác phòng, chống tội phạm"]),
                new DateOnly(2024, 10, 1),
                "2215/QĐ-UBND");
    }
}
