using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Server.DemoData.Documents;

/// <summary>
/// Chỉ thị 15/CT-UBND of the chairman of the Tiền Giang People's Committee (19/12/2022) on security and
/// order in 2023, from the seed tien-giang-2022-chi-thi-15-CT-UBND.txt, with its numeric targets.
/// </summary>
/// <remarks>
/// The directive governs 2023, so points 1–6 are due by the end of 2023; point 7 ("thường xuyên theo
/// dõi") is standing. Point 3's bullets are not numbered in the document, so they stay in its content
/// and its targets are point 3's. The reports are invented, dated so that every timeliness shows:
/// on time (1, 3), completed late (2, 4), overdue (5, 6), not applicable (7).
/// </remarks>
internal static class TienGiangDirective15
{
    public const string SeedFile = "tien-giang-2022-chi-thi-15-CT-UBND.txt";

    // The police's reporting officer in the invented reports.
    private const string PoliceStaff = "Võ Thanh Tâm (Phòng Tham mưu, Công an tỉnh)";

    public static void AddTo(DemoDataBuilder data)
    {
        var directive = data.Directive(
            "2022-15-ct-ubnd",
            new DirectiveDetails
            {
                DocumentType = DocumentType.ChiThi,
                NumberAndSymbol = "15/CT-UBND",
                IssuingBody = "Ủy ban nhân dân tỉnh Tiền Giang",
                Place = "Tiền Giang",
                IssuedOn = new DateOnly(2022, 12, 19),
                Subject = "Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang",
                Signer = new Signer("Nguyễn Văn Vinh", "Chủ tịch"),

                // The resolution the directive carries out, then the documents point 1 names as its focus.
                LegalBases =
                [
                    new("14-NQ/TU", new DateOnly(2022, 12, 19), "Nghị quyết của Ban Thường vụ Tỉnh ủy về lãnh đạo thực hiện nhiệm vụ đảm bảo an ninh, trật tự (ANTT) năm 2023"),
                    new("15-KL/TW", new DateOnly(2021, 9, 30), "Kết luận của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số 46-CT/TW của Bộ Chính trị (khóa XI) về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm ANTT trong tình hình mới"),
                    new("13-KL/TW", new DateOnly(2021, 8, 16), "Kết luận của Bộ Chính trị về việc tiếp tục thực hiện Chỉ thị số 48-CT/TW của Bộ Chính trị (khóa X) về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tội phạm trong tình hình mới"),
                    new("05-KL/TW", new DateOnly(2021, 6, 3), "Kết luận của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 50-CT/TW của Bộ Chính trị trong công tác phát hiện vụ việc, vụ án tham nhũng"),
                    new("44-KL/TW", new DateOnly(2019, 1, 22), "Kết luận của Ban Bí thư (khóa XII) về tiếp tục đẩy mạnh thực hiện Chỉ thị số 09-CT/TW về tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ an ninh tổ quốc trong tình hình mới"),
                    new("96/2019/QH14", new DateOnly(2019, 11, 27), "Nghị quyết của Quốc hội (khóa XIV) về công tác phòng, chống tội phạm và vi phạm pháp luật"),
                    new("04-NQ/TU", new DateOnly(2021, 5, 17), "Nghị quyết của Tỉnh ủy về tăng cường sự lãnh đạo của các cấp ủy Đảng trong công tác đấu tranh, phòng chống tội phạm trên địa bàn tỉnh giai đoạn 2021 - 2025"),
                    new("42/NQ-HĐND", new DateOnly(2021, 12, 8), "Nghị quyết của Hội đồng nhân dân tỉnh về biện pháp bảo đảm trật tự an toàn giao thông và phòng chống ùn tắc giao thông trên địa bàn tỉnh giai đoạn 2022 - 2026"),
                    new("64/KH-UBND", new DateOnly(2022, 2, 24), "Kế hoạch của UBND tỉnh về phát động chuyên đề thi đua “Toàn dân tham gia phòng, chống tội phạm” giai đoạn 2022 - 2025"),
                ],

                // "Nơi nhận" as printed, without the list's trailing punctuation and the scan's stray
                // handwriting ("long").
                Recipients =
                [
                    "VPCP",
                    "Bộ Công an",
                    "TTTU, TT. HĐND tỉnh",
                    "CT, các PCT",
                    "Các sở, ban, ngành, đoàn thể tỉnh, cơ quan TW đóng trên địa bàn tỉnh",
                    "UBND các H, TP, TX",
                    "VPUB: CVP, các PCVP, các Phòng: HC-TC-QT, KT, TH, KG-VX",
                    "Lưu: VT, NC(Năm, Giang)",
                ],

                // Point 7: "định kỳ 6 tháng, năm báo cáo kết quả".
                ReportingSchedule = ReportingSchedule.SixMonthly | ReportingSchedule.Annual,
            },
            monitoringAgency: "cong-an-tinh",
            seed: SeedDocument.Load(SeedFile),
            endAnchor: "Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh");
        directive.Issue();

        var in2023 = Deadline.InPeriod(Period.OfYear(2023));
        var firstHalf2023 = Period.OfHalfYear(2023, 1);
        var year2022 = Period.OfYear(2022);

        directive.Task("1", "Quán triệt, triển khai các nghị quyết, chỉ thị, kết luận về bảo đảm an ninh, trật tự", "cong-an-tinh", ["van-phong-ubnd-tinh"], in2023, anchor: "1. Tiếp tục tổ chức quán triệt")
            .Report(new DateOnly(2023, 12, 14), ReportKind.Completion, "cong-an-tinh", 100, "Các sở, ban, ngành và UBND các huyện, thành phố, thị xã đã tổ chức quán triệt Chỉ thị, xây dựng kế hoạch thực hiện và đưa kết quả bảo đảm an ninh, trật tự vào tiêu chí đánh giá người đứng đầu năm 2023.", PoliceStaff)
            .Complete(new DateOnly(2023, 12, 14));

        directive.Task("2", "Tuyên truyền, phổ biến, giáo dục pháp luật về an ninh, trật tự", "so-tu-phap", ["so-tttt", "so-gddt", "uy-ban-mttq-tinh"], in2023, anchor: "**2. Đẩy mạnh")
            .Report(new DateOnly(2023, 6, 14), ReportKind.Periodic6Month, "so-tu-phap", 55, "Sáu tháng đầu năm tổ chức các hội nghị phổ biến pháp luật về phòng, chống tội phạm cho cán bộ, công chức và Nhân dân tại các xã trọng điểm; phát hành tài liệu tuyên truyền về phòng, chống lừa đảo qua mạng.", "Huỳnh Thị Mỹ Duyên (Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp)", period: firstHalf2023)
            .Report(new DateOnly(2024, 1, 10), ReportKind.Completion, "so-tu-phap", 100, "Hoàn thành chương trình tuyên truyền năm 2023; tổng hợp kết quả của các sở, ngành, địa phương gửi Công an tỉnh.", "Huỳnh Thị Mỹ Duyên (Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp)")
            .Complete(new DateOnly(2024, 1, 10));

        // The directive's numeric targets for 2023, worded as point 3 states them.
        directive.Task("3", "Bảo đảm an ninh quốc gia, phòng ngừa và đấu tranh với tội phạm; chỉ tiêu năm 2023", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh", "so-tttt", "so-ldtbxh"], in2023, anchor: "**3. Phối hợp với ngành Công an")
            .Target("toi-pham-ttxh", "Tội phạm về trật tự xã hội", TargetComparator.AtMost, -5m, "vụ", baselinePeriod: year2022)
            .Target("ty-le-kham-pha-ttxh", "Tỷ lệ điều tra, khám phá án về trật tự xã hội", TargetComparator.Above, 75m, "%")
            .Target("ty-le-kham-pha-rat-nghiem-trong", "Tỷ lệ điều tra, khám phá án rất nghiêm trọng và đặc biệt nghiêm trọng", TargetComparator.Above, 90m, "%")
            .Target("ty-le-tiep-nhan-tin-bao", "Tỷ lệ tin báo, tố giác tội phạm và kiến nghị khởi tố được tiếp nhận, xử lý", TargetComparator.AtLeast, 100m, "%")
            .Target("ty-le-giai-quyet-tin-bao", "Tỷ lệ giải quyết tin báo, tố giác tội phạm và kiến nghị khởi tố", TargetComparator.Above, 90m, "%")
            .Report(
                new DateOnly(2023, 6, 15),
                ReportKind.Periodic6Month,
                "cong-an-tinh",
                50,
                "Sáu tháng đầu năm 2023 tội phạm về trật tự xã hội giảm so với cùng kỳ năm 2022; tỷ lệ điều tra, khám phá đạt chỉ tiêu; tỷ lệ giải quyết tin báo, tố giác tội phạm chưa đạt, tiếp tục chỉ đạo Công an cấp huyện đẩy nhanh tiến độ.",
                PoliceStaff,
                period: firstHalf2023,
                measurements:
                [
                    // Against the first half of 2022, the comparable period.
                    new("toi-pham-ttxh", 318m, 341m),
                    new("ty-le-kham-pha-ttxh", 76.4m),
                    new("ty-le-kham-pha-rat-nghiem-trong", 91.7m),
                    new("ty-le-tiep-nhan-tin-bao", 100m),
                    new("ty-le-giai-quyet-tin-bao", 88.5m),
                ])
            .Report(
                new DateOnly(2023, 9, 20),
                ReportKind.AdHoc,
                "vien-kiem-sat-nhan-dan-tinh",
                70,
                "Qua kiểm sát việc tiếp nhận, giải quyết tin báo, tố giác tội phạm và kiến nghị khởi tố 9 tháng năm 2023: 100% được tiếp nhận, thụ lý; tỷ lệ giải quyết chưa đạt chỉ tiêu, đã kiến nghị Cơ quan điều tra khắc phục.",
                "Nguyễn Hoàng Phúc (Phòng 1, Viện kiểm sát nhân dân tỉnh)",
                measurements: [new("ty-le-tiep-nhan-tin-bao", 100m), new("ty-le-giai-quyet-tin-bao", 89.6m)])
            .Report(
                new DateOnly(2023, 12, 15),
                ReportKind.Annual,
                "cong-an-tinh",
                100,
                "Năm 2023 kéo giảm tội phạm về trật tự xã hội so với năm 2022; các chỉ tiêu về điều tra, khám phá án và giải quyết tin báo, tố giác tội phạm đều đạt và vượt.",
                PoliceStaff,
                period: Period.OfYear(2023),
                measurements:
                [
                    new("toi-pham-ttxh", 648m, 692m),
                    new("ty-le-kham-pha-ttxh", 78.2m),
                    new("ty-le-kham-pha-rat-nghiem-trong", 93.8m),
                    new("ty-le-tiep-nhan-tin-bao", 100m),
                    new("ty-le-giai-quyet-tin-bao", 91.4m),
                ])
            .Complete(new DateOnly(2023, 12, 20));

        // "phấn đấu kéo giảm tai nạn giao thông so với năm 2022": fewer accidents than 2022, by any margin.
        directive.Task("4", "Quản lý nhà nước về an ninh, trật tự; Đề án 06; phòng cháy, chữa cháy; trật tự an toàn giao thông", "cong-an-tinh", ["so-gtvt", "so-tttt"], in2023, anchor: "**4.** Nâng cao hiệu lực")
            .Target("tai-nan-giao-thong", "Tai nạn giao thông", TargetComparator.Below, 0m, "vụ", baselinePeriod: year2022)
            .Report(new DateOnly(2023, 6, 15), ReportKind.Periodic6Month, "cong-an-tinh", 45, "Sáu tháng đầu năm 2023 tai nạn giao thông giảm so với cùng kỳ; đã kiểm tra, khắc phục các vi phạm về phòng cháy, chữa cháy tại cơ sở kinh doanh có điều kiện về an ninh, trật tự.", PoliceStaff, period: firstHalf2023, measurements: [new("tai-nan-giao-thong", 96m, 104m)])
            .Report(new DateOnly(2023, 12, 15), ReportKind.Annual, "cong-an-tinh", 90, "Năm 2023 tai nạn giao thông giảm so với năm 2022; việc mở rộng hệ thống camera giám sát, xử lý vi phạm qua hình ảnh còn chậm so với kế hoạch.", PoliceStaff, period: Period.OfYear(2023), measurements: [new("tai-nan-giao-thong", 201m, 215m)])
            .Report(new DateOnly(2024, 1, 18), ReportKind.Completion, "cong-an-tinh", 100, "Hoàn thành lắp đặt giai đoạn 1 hệ thống camera giám sát giao thông tại các nút giao trọng điểm.", PoliceStaff)
            .Complete(new DateOnly(2024, 1, 18));

        // Left without reports: not started, overdue since the end of 2023.
        directive.Task("5", "Phối hợp với các ngành, Mặt trận Tổ quốc; phong trào toàn dân bảo vệ an ninh Tổ quốc; camera giám sát", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh", "uy-ban-mttq-tinh"], in2023, anchor: "**5.** Đổi mới nội dung");

        directive.Task("6", "Xây dựng lực lượng Công an nhân dân; Công an xã chính quy", "cong-an-tinh", ["so-noi-vu", "so-tai-chinh"], in2023, anchor: "6. Công an tỉnh chủ trì")
            .Report(new DateOnly(2023, 6, 15), ReportKind.Periodic6Month, "cong-an-tinh", 40, "Đang phối hợp Sở Nội vụ, Sở Tài chính xây dựng dự thảo Nghị quyết quy định số lượng, mức phụ cấp đối với Công an xã bán chuyên trách; triển khai thí điểm mô hình Công an phường điển hình, kiểu mẫu.", PoliceStaff, period: firstHalf2023);

        directive.Task("7", "Theo dõi, kiểm tra, đôn đốc và báo cáo kết quả thực hiện Chỉ thị", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.Standing, anchor: "7. Giao Công an tỉnh chủ trì")
            .Report(new DateOnly(2023, 6, 16), ReportKind.Periodic6Month, "cong-an-tinh", 50, "Báo cáo sơ kết 6 tháng đầu năm 2023 kết quả thực hiện Chỉ thị số 15/CT-UBND gửi Tỉnh ủy, UBND tỉnh.", PoliceStaff, period: firstHalf2023)
            .Report(new DateOnly(2023, 12, 18), ReportKind.Annual, "cong-an-tinh", 100, "Báo cáo tổng kết năm 2023 kết quả thực hiện Chỉ thị số 15/CT-UBND gửi Tỉnh ủy, UBND tỉnh.", PoliceStaff, period: Period.OfYear(2023));
    }
}
