using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Server.DemoData.Provinces;

namespace Directives.Server.DemoData.Documents;

/// <summary>
/// Two invented documents of Hải Dương, bodies opening with <see cref="DirectiveBuilder.IllustrativeNotice"/>:
/// a People's Committee plan (Kế hoạch) for crime prevention in 2024 and a Party standing committee
/// letter (Công văn, Party numbering) for the Tết Ất Tỵ 2025 holiday. Timeliness: on time (2.1, 3,
/// letter 1), completed late (1, letter 2), overdue (2, 2.2, letter 3), not applicable (4); the plan's
/// 2024 targets are one met, one not.
/// </summary>
internal static class HaiDuongDirectives
{
    private const string PoliceStaff = "Đào Xuân Hòa (Phòng Tham mưu, Công an tỉnh)";

    public static void AddTo(DemoDataBuilder data)
    {
        AddPlan2024(data);
        AddTetLetter2025(data);
    }

    private static void AddPlan2024(DemoDataBuilder data)
    {
        var plan = data.Directive(
            "2024-45-kh-ubnd",
            new DirectiveDetails
            {
                DocumentType = DocumentType.KeHoach,
                NumberAndSymbol = "45/KH-UBND",
                IssuingBody = "Ủy ban nhân dân tỉnh Hải Dương",
                Place = "Hải Dương",
                IssuedOn = new DateOnly(2024, 2, 26),
                Subject = "Kế hoạch thực hiện công tác phòng, chống tội phạm và vi phạm pháp luật năm 2024",
                Signer = new Signer(HaiDuong.ViceChairman, "Phó Chủ tịch", "KT. CHỦ TỊCH"),
                LegalBases =
                [
                    new("96/2019/QH14", new DateOnly(2019, 11, 27), "Nghị quyết của Quốc hội (khóa XIV) về công tác phòng, chống tội phạm và vi phạm pháp luật"),
                    new("13-KL/TW", new DateOnly(2021, 8, 16), "Kết luận của Bộ Chính trị về việc tiếp tục thực hiện Chỉ thị số 48-CT/TW về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tội phạm trong tình hình mới"),
                ],
                Recipients =
                [
                    "Bộ Công an",
                    "Thường trực Tỉnh ủy",
                    "Thường trực HĐND tỉnh",
                    "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                    "Các sở, ban, ngành, đoàn thể tỉnh",
                    "UBND các huyện, thị xã, thành phố",
                    "Lưu: VT, NC",
                ],
                ReportingSchedule = ReportingSchedule.Quarterly | ReportingSchedule.Annual,
                Body = "Thực hiện Nghị quyết số 96/2019/QH14 của Quốc hội về công tác phòng, chống tội phạm và vi phạm pháp luật, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác phòng, chống tội phạm và vi phạm pháp luật năm 2024 với các nhiệm vụ sau:",
            },
            monitoringAgency: "cong-an-tinh");
        plan.Issue();

        plan.Task("1", "Các sở, ngành, địa phương xây dựng kế hoạch thực hiện", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.OnDate(new DateOnly(2024, 3, 31)), content: "Các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch thực hiện, gửi Công an tỉnh trước ngày 31/3/2024 để tổng hợp.")
            .Report(new DateOnly(2024, 4, 12), ReportKind.Completion, "cong-an-tinh", 100, "Đã nhận đủ kế hoạch của các sở, ngành, địa phương; một số đơn vị gửi chậm so với thời hạn.", PoliceStaff)
            .Complete(new DateOnly(2024, 4, 12));

        plan.Task("2", "Tấn công, trấn áp các loại tội phạm", "cong-an-tinh", [], Deadline.InPeriod(Period.OfYear(2024)), content: "Tập trung tấn công, trấn áp các loại tội phạm, trong đó:")
            .Target("ty-le-kham-pha-ttxh", "Tỷ lệ điều tra, khám phá án về trật tự xã hội", TargetComparator.Above, 75m, "%")
            .Target("toi-pham-ttxh", "Tội phạm về trật tự xã hội", TargetComparator.AtMost, -5m, "vụ", baselinePeriod: Period.OfYear(2023))
            .Report(new DateOnly(2024, 12, 18), ReportKind.Annual, "cong-an-tinh", 90, "Năm 2024 tỷ lệ điều tra, khám phá án về trật tự xã hội đạt chỉ tiêu; tội phạm về trật tự xã hội giảm nhưng chưa đạt mức 5% so với năm 2023.", PoliceStaff, period: Period.OfYear(2024), measurements: [new("ty-le-kham-pha-ttxh", 77.6m), new("toi-pham-ttxh", 1205m, 1246m)]);
        plan.Task("2.1", "Triệt phá tội phạm có tổ chức, hoạt động “tín dụng đen”", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh"], Deadline.InPeriod(Period.OfQuarter(2024, 3)), content: "Mở đợt cao điểm triệt phá các băng, nhóm tội phạm có tổ chức, tội phạm liên quan đến hoạt động “tín dụng đen”, hoàn thành trong quý III/2024.")
            .Report(new DateOnly(2024, 9, 27), ReportKind.Completion, "cong-an-tinh", 100, "Kết thúc đợt cao điểm, triệt phá các ổ nhóm cho vay lãi nặng, chuyển Viện kiểm sát truy tố theo quy định.", PoliceStaff)
            .Complete(new DateOnly(2024, 9, 27));
        plan.Task("2.2", "Phòng, chống tội phạm lừa đảo chiếm đoạt tài sản qua không gian mạng", "cong-an-tinh", ["so-tttt"], Deadline.OnDate(new DateOnly(2024, 11, 30)), content: "Phối hợp Sở Thông tin và Truyền thông cảnh báo phương thức, thủ đoạn lừa đảo qua không gian mạng; rà soát, xử lý các tài khoản, sim rác phục vụ hoạt động phạm tội, hoàn thành trước ngày 30/11/2024.")
            .Report(new DateOnly(2024, 6, 20), ReportKind.Periodic6Month, "cong-an-tinh", 40, "Đã phát hành cảnh báo trên các phương tiện thông tin đại chúng; việc rà soát sim rác còn chậm.", PoliceStaff, period: Period.OfHalfYear(2024, 1))
            .Report(new DateOnly(2024, 10, 8), ReportKind.AdHoc, "so-tttt", 60, "Đã phối hợp các doanh nghiệp viễn thông chuẩn hóa thông tin thuê bao trên địa bàn tỉnh.", "Vũ Thị Ngân (Phòng Bưu chính, Viễn thông, Sở Thông tin và Truyền thông)");

        plan.Task("3", "Phòng, chống tội phạm và bạo lực học đường", "so-gddt", ["tinh-doan"], Deadline.InPeriod(Period.OfQuarter(2024, 4)), content: "Sở Giáo dục và Đào tạo chủ trì, phối hợp Tỉnh đoàn tổ chức tuyên truyền phòng, chống tội phạm, bạo lực học đường trong các trường học, hoàn thành trong quý IV/2024.")
            .Report(new DateOnly(2024, 12, 20), ReportKind.Completion, "so-gddt", 100, "Hoàn thành tuyên truyền tại 100% trường trung học cơ sở và trung học phổ thông.", "Nguyễn Thị Thanh Mai (Phòng Chính trị tư tưởng, Sở Giáo dục và Đào tạo)")
            .Complete(new DateOnly(2024, 12, 20));

        plan.Task("4", "Báo cáo kết quả thực hiện Kế hoạch", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.Standing, content: "Giao Công an tỉnh theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch; báo cáo định kỳ hằng quý và năm.")
            .Report(new DateOnly(2024, 6, 20), ReportKind.Periodic6Month, "cong-an-tinh", 50, "Báo cáo 6 tháng đầu năm 2024 kết quả thực hiện Kế hoạch.", PoliceStaff, period: Period.OfHalfYear(2024, 1));
    }

    private static void AddTetLetter2025(DemoDataBuilder data)
    {
        var letter = data.Directive(
            "2025-1250-cv-tu",
            new DirectiveDetails
            {
                DocumentType = DocumentType.CongVan,
                NumberAndSymbol = "1250-CV/TU",
                IssuingBody = "Ban Thường vụ Tỉnh ủy Hải Dương",
                Place = "Hải Dương",
                IssuedOn = new DateOnly(2025, 1, 6),
                Subject = "V/v bảo đảm an ninh, trật tự dịp Tết Nguyên đán Ất Tỵ 2025",
                Signer = new Signer("Hà Văn Tuyển", "Phó Bí thư Thường trực", "T/M BAN THƯỜNG VỤ"),
                Recipients =
                [
                    "Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh",
                    "Các sở, ban, ngành, đoàn thể tỉnh",
                    "Ban Thường vụ các huyện ủy, thị ủy, thành ủy",
                    "Lưu VPTU",
                ],
                Body = "Để nhân dân đón Tết Nguyên đán Ất Tỵ 2025 vui tươi, lành mạnh, an toàn, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng, chính quyền thực hiện tốt các nội dung sau:",
            },
            monitoringAgency: "dang-uy-cong-an-tinh");
        letter.Issue();

        var afterTet = Deadline.OnDate(new DateOnly(2025, 2, 15));
        letter.Task("1", "Cao điểm tấn công, trấn áp tội phạm dịp Tết", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh"], afterTet, content: "Công an tỉnh chủ trì, phối hợp Bộ Chỉ huy Quân sự tỉnh mở đợt cao điểm tấn công, trấn áp tội phạm trước, trong và sau Tết.")
            .Report(new DateOnly(2025, 2, 14), ReportKind.Completion, "cong-an-tinh", 100, "Kết thúc đợt cao điểm; tình hình an ninh, trật tự dịp Tết ổn định.", PoliceStaff)
            .Complete(new DateOnly(2025, 2, 14));
        letter.Task("2", "Trật tự an toàn giao thông, phòng cháy, chữa cháy dịp Tết", "cong-an-tinh", ["so-gtvt"], afterTet, content: "Tăng cường tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông, nhất là vi phạm nồng độ cồn; kiểm tra an toàn phòng cháy, chữa cháy tại chợ, trung tâm thương mại.")
            .Report(new DateOnly(2025, 2, 20), ReportKind.Completion, "cong-an-tinh", 100, "Tổng hợp kết quả bảo đảm trật tự an toàn giao thông, phòng cháy, chữa cháy dịp Tết; báo cáo chậm do chờ số liệu của các huyện.", PoliceStaff)
            .Complete(new DateOnly(2025, 2, 20));
        letter.Task("3", "Quản lý pháo, vũ khí, vật liệu nổ", "cong-an-tinh", [AgencyCatalogue.DistrictId("thành phố", "Hải Dương")], Deadline.OnDate(new DateOnly(2025, 1, 31)), content: "Kiểm tra, xử lý nghiêm các hành vi sản xuất, mua bán, vận chuyển, sử dụng trái phép pháo nổ; vận động Nhân dân giao nộp vũ khí, vật liệu nổ.")
            .Report(new DateOnly(2025, 1, 25), ReportKind.AdHoc, "cong-an-tinh", 70, "Đã thu giữ pháo nổ và tiếp nhận vũ khí, vật liệu nổ do Nhân dân giao nộp; tiếp tục vận động đến hết tháng 2.", PoliceStaff);
    }
}
