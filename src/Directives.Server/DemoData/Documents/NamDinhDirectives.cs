using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Server.DemoData.Provinces;

namespace Directives.Server.DemoData.Documents;

/// <summary>
/// Two invented directives of the Nam Định People's Committee, modelled on Tiền Giang's 15/CT-UBND:
/// the 2023 one, superseded by the 2024 one. Their bodies open with
/// <see cref="DirectiveBuilder.IllustrativeNotice"/>. The 2024 directive shows nested tasks, a date
/// and a quarter deadline, an approved extension, a parent completed after its subtasks, targets, and
/// every timeliness: on time (1, 2.1, 2.2 within its extension), completed late (2, 3), overdue (4),
/// not applicable (5, 6).
/// </summary>
internal static class NamDinhDirectives
{
    private const string PoliceStaff = "Phạm Văn Duẩn (Phòng Tham mưu, Công an tỉnh)";

    public static void AddTo(DemoDataBuilder data)
    {
        var directive2023 = AddDirective2023(data);
        var directive2024 = AddDirective2024(data);
        data.Supersede(directive2023, directive2024);
    }

    private static DirectiveBuilder AddDirective2023(DemoDataBuilder data)
    {
        var directive = data.Directive(
            "2023-02-ct-ubnd",
            Details("02/CT-UBND", new DateOnly(2023, 1, 16), 2023, "Năm 2022, tình hình an ninh, trật tự trên địa bàn tỉnh cơ bản ổn định; tuy nhiên tội phạm về trật tự xã hội, ma túy và lừa đảo qua không gian mạng còn diễn biến phức tạp. Để bảo đảm an ninh, trật tự năm 2023, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện tốt các nhiệm vụ sau:"),
            monitoringAgency: "cong-an-tinh");
        directive.Issue();

        var in2023 = Deadline.InPeriod(Period.OfYear(2023));
        directive.Task("1", "Quán triệt và xây dựng kế hoạch thực hiện Chỉ thị", "cong-an-tinh", ["van-phong-ubnd-tinh"], in2023, content: "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thành phố quán triệt Chỉ thị này đến cán bộ, công chức, viên chức và người lao động; xây dựng kế hoạch thực hiện phù hợp với chức năng, nhiệm vụ được giao.")
            .Report(new DateOnly(2023, 12, 20), ReportKind.Completion, "cong-an-tinh", 100, "100% sở, ngành và Ủy ban nhân dân cấp huyện đã ban hành kế hoạch thực hiện Chỉ thị.", PoliceStaff)
            .Complete(new DateOnly(2023, 12, 20));
        directive.Task("2", "Phòng ngừa, đấu tranh với tội phạm và tệ nạn xã hội", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh", "toa-an-nhan-dan-tinh"], in2023, content: "Công an tỉnh chủ trì, phối hợp Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh mở các đợt cao điểm tấn công, trấn áp tội phạm; đẩy nhanh tiến độ điều tra, truy tố, xét xử các vụ án trọng điểm, không để oan sai, bỏ lọt tội phạm.")
            .Report(new DateOnly(2023, 12, 18), ReportKind.Annual, "cong-an-tinh", 100, "Năm 2023 các đợt cao điểm tấn công, trấn áp tội phạm hoàn thành theo kế hoạch; các vụ án trọng điểm được đưa ra xét xử kịp thời.", PoliceStaff, period: Period.OfYear(2023))
            .Complete(new DateOnly(2023, 12, 20));
        directive.Task("3", "Theo dõi, đôn đốc và báo cáo kết quả thực hiện Chỉ thị", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.Standing, content: "Giao Công an tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị; định kỳ 6 tháng, năm tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.")
            .Report(new DateOnly(2023, 6, 15), ReportKind.Periodic6Month, "cong-an-tinh", 50, "Báo cáo sơ kết 6 tháng đầu năm 2023 việc thực hiện Chỉ thị.", PoliceStaff, period: Period.OfHalfYear(2023, 1));
        return directive;
    }

    private static DirectiveBuilder AddDirective2024(DemoDataBuilder data)
    {
        var directive = data.Directive(
            "2024-03-ct-ubnd",
            Details("03/CT-UBND", new DateOnly(2024, 1, 18), 2024, "Để giữ vững an ninh, trật tự năm 2024, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội của tỉnh, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện tốt các nhiệm vụ sau. Chỉ thị này thay thế Chỉ thị số 02/CT-UBND ngày 16/01/2023 của Chủ tịch Ủy ban nhân dân tỉnh."),
            monitoringAgency: "cong-an-tinh");
        directive.Issue();

        directive.Task("1", "Quán triệt Chỉ thị; xây dựng kế hoạch thực hiện", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.OnDate(new DateOnly(2024, 1, 31)), content: "Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố quán triệt Chỉ thị và ban hành kế hoạch thực hiện trước ngày 31/01/2024.")
            .Report(new DateOnly(2024, 1, 29), ReportKind.Completion, "cong-an-tinh", 100, "Các sở, ngành, địa phương đã ban hành kế hoạch thực hiện Chỉ thị.", PoliceStaff)
            .Complete(new DateOnly(2024, 1, 29));

        directive.Task("2", "Bảo đảm an ninh, trật tự dịp Tết Nguyên đán Giáp Thìn và quý I/2024", "cong-an-tinh", [], Deadline.InPeriod(Period.OfQuarter(2024, 1)), content: "Bảo đảm tuyệt đối an ninh, an toàn các sự kiện chính trị, văn hóa, lễ hội diễn ra trên địa bàn tỉnh trong quý I/2024, trong đó:")
            .Report(new DateOnly(2024, 4, 26), ReportKind.Completion, "cong-an-tinh", 100, "Hoàn thành các nhiệm vụ bảo đảm an ninh, trật tự dịp Tết Nguyên đán và lễ hội đầu xuân; tổng hợp báo cáo chậm do chờ kết quả kiểm tra phòng cháy, chữa cháy tại các lễ hội.", PoliceStaff)
            .Complete(new DateOnly(2024, 4, 26));
        directive.Task("2.1", "Cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Giáp Thìn 2024", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh", "bo-chi-huy-bo-doi-bien-phong-tinh"], Deadline.OnDate(new DateOnly(2024, 2, 29)), content: "Mở đợt cao điểm tấn công, trấn áp tội phạm, bảo đảm trật tự an toàn xã hội trước, trong và sau Tết Nguyên đán Giáp Thìn, hoàn thành trước ngày 29/02/2024.")
            .Report(new DateOnly(2024, 2, 28), ReportKind.Completion, "cong-an-tinh", 100, "Kết thúc đợt cao điểm, tình hình an ninh, trật tự dịp Tết ổn định, không để xảy ra vụ việc phức tạp.", PoliceStaff)
            .Complete(new DateOnly(2024, 2, 28));
        directive.Task("2.2", "Trật tự an toàn giao thông, phòng cháy, chữa cháy tại các lễ hội đầu xuân", "cong-an-tinh", [AgencyCatalogue.DistrictId("thành phố", "Nam Định"), "so-vhttdl"], Deadline.OnDate(new DateOnly(2024, 3, 31)), content: "Kiểm tra, hướng dẫn các điều kiện về phòng cháy, chữa cháy và phương án phân luồng giao thông tại các lễ hội đầu xuân, hoàn thành trước ngày 31/3/2024.")
            .Report(new DateOnly(2024, 3, 20), ReportKind.AdHoc, "so-vhttdl", 60, "Đã rà soát danh mục lễ hội; một số lễ hội kéo dài sang tháng 4 nên chưa thể kết thúc kiểm tra.", "Đinh Thị Hà (Phòng Quản lý văn hóa, Sở Văn hóa, Thể thao và Du lịch)")
            .Extend(new DateOnly(2024, 3, 28), Deadline.OnDate(new DateOnly(2024, 4, 30)), "Một số lễ hội đầu xuân kéo dài đến hết tháng 4/2024", "1432/UBND-NC", $"{NamDinh.SigningViceChairman}, Phó Chủ tịch UBND tỉnh")
            .Report(new DateOnly(2024, 4, 25), ReportKind.Completion, "cong-an-tinh", 100, "Hoàn thành kiểm tra phòng cháy, chữa cháy và phân luồng giao thông tại các lễ hội.", PoliceStaff)
            .Complete(new DateOnly(2024, 4, 25));

        var firstHalf2024 = Period.OfHalfYear(2024, 1);
        var year2023 = Period.OfYear(2023);
        directive.Task("3", "Phòng, chống tội phạm và tệ nạn ma túy; chỉ tiêu năm 2024", "cong-an-tinh", ["so-ldtbxh", "so-y-te"], Deadline.InPeriod(Period.OfYear(2024)), content: "Phấn đấu kéo giảm tội phạm về trật tự xã hội ít nhất 3% so với năm 2023; tỷ lệ điều tra, khám phá án về trật tự xã hội đạt trên 80%; số vụ phạm tội về ma túy bị phát hiện, bắt giữ tăng ít nhất 5% so với năm 2023.")
            .Target("toi-pham-ttxh", "Tội phạm về trật tự xã hội", TargetComparator.AtMost, -3m, "vụ", baselinePeriod: year2023)
            .Target("ty-le-kham-pha-ttxh", "Tỷ lệ điều tra, khám phá án về trật tự xã hội", TargetComparator.Above, 80m, "%")
            .Target("vu-ma-tuy", "Số vụ phạm tội về ma túy bị phát hiện, bắt giữ", TargetComparator.AtLeast, 5m, "vụ", baselinePeriod: year2023)
            .Report(new DateOnly(2024, 6, 17), ReportKind.Periodic6Month, "cong-an-tinh", 50, "Sáu tháng đầu năm 2024 tội phạm về trật tự xã hội giảm so với cùng kỳ; số vụ ma túy phát hiện tăng.", PoliceStaff, period: firstHalf2024, measurements: [new("toi-pham-ttxh", 402m, 421m), new("ty-le-kham-pha-ttxh", 82.5m), new("vu-ma-tuy", 188m, 171m)])
            .Report(new DateOnly(2024, 12, 16), ReportKind.Annual, "cong-an-tinh", 95, "Năm 2024 đạt chỉ tiêu kéo giảm tội phạm về trật tự xã hội và tỷ lệ khám phá; số vụ ma túy phát hiện tăng nhưng chưa đạt mức 5%.", PoliceStaff, period: Period.OfYear(2024), measurements: [new("toi-pham-ttxh", 815m, 850m), new("ty-le-kham-pha-ttxh", 83.1m), new("vu-ma-tuy", 356m, 345m)])
            .Report(new DateOnly(2025, 1, 20), ReportKind.Completion, "cong-an-tinh", 100, "Hoàn thành tổng kết công tác phòng, chống tội phạm và tệ nạn ma túy năm 2024.", PoliceStaff)
            .Complete(new DateOnly(2025, 1, 20));

        directive.Task("4", "Bảo đảm trật tự an toàn giao thông; kéo giảm tai nạn giao thông", "cong-an-tinh", ["so-gtvt"], Deadline.InPeriod(Period.OfYear(2024)), content: "Thực hiện đồng bộ các giải pháp bảo đảm trật tự an toàn giao thông; phấn đấu kéo giảm số người chết do tai nạn giao thông so với năm 2023.")
            .Target("nguoi-chet-tngt", "Số người chết do tai nạn giao thông", TargetComparator.Below, 0m, "người", baselinePeriod: year2023)
            .Report(new DateOnly(2024, 6, 17), ReportKind.Periodic6Month, "cong-an-tinh", 45, "Sáu tháng đầu năm 2024 số người chết do tai nạn giao thông tăng so với cùng kỳ; đã tăng cường tuần tra, kiểm soát trên các tuyến quốc lộ.", PoliceStaff, period: firstHalf2024, measurements: [new("nguoi-chet-tngt", 61m, 57m)]);

        directive.Task("5", "Tuyên truyền, phổ biến, giáo dục pháp luật về an ninh, trật tự", "so-tu-phap", ["so-tttt"], Deadline.Standing, content: "Thường xuyên tuyên truyền, phổ biến pháp luật về phòng, chống tội phạm, nhất là phòng, chống lừa đảo chiếm đoạt tài sản qua không gian mạng.")
            .Report(new DateOnly(2024, 5, 10), ReportKind.AdHoc, "so-tu-phap", 40, "Đã tổ chức hội nghị phổ biến pháp luật về phòng, chống lừa đảo qua mạng tại các huyện ven biển.", "Trần Thị Thu Hương (Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp)");

        directive.Task("6", "Theo dõi, đôn đốc và báo cáo kết quả thực hiện Chỉ thị", "cong-an-tinh", ["van-phong-ubnd-tinh"], Deadline.Standing, content: "Giao Công an tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị; định kỳ 6 tháng, năm báo cáo Chủ tịch Ủy ban nhân dân tỉnh.")
            .Report(new DateOnly(2024, 6, 17), ReportKind.Periodic6Month, "cong-an-tinh", 50, "Báo cáo sơ kết 6 tháng đầu năm 2024 việc thực hiện Chỉ thị.", PoliceStaff, period: firstHalf2024);
        return directive;
    }

    private static DirectiveDetails Details(string number, DateOnly issuedOn, int year, string preamble) => new()
    {
        DocumentType = DocumentType.ChiThi,
        NumberAndSymbol = number,
        IssuingBody = "Ủy ban nhân dân tỉnh Nam Định",
        Place = "Nam Định",
        IssuedOn = issuedOn,
        Subject = $"Về tăng cường công tác bảo đảm an ninh, trật tự năm {year}",
        Signer = new Signer(NamDinh.SigningViceChairman, "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        LegalBases =
        [
            new("96/2019/QH14", new DateOnly(2019, 11, 27), "Nghị quyết của Quốc hội (khóa XIV) về công tác phòng, chống tội phạm và vi phạm pháp luật"),
            new("12-NQ/TW", new DateOnly(2022, 3, 16), "Nghị quyết của Bộ Chính trị về đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại, đáp ứng yêu cầu, nhiệm vụ trong tình hình mới"),
        ],
        Recipients =
        [
            "Bộ Công an",
            "TT Tỉnh ủy, TT HĐND tỉnh",
            "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
            "Các sở, ban, ngành, đoàn thể tỉnh",
            "UBND các huyện, thành phố",
            "Lưu: VT, NC",
        ],
        ReportingSchedule = ReportingSchedule.SixMonthly | ReportingSchedule.Annual,
        Body = preamble,
    };
}
