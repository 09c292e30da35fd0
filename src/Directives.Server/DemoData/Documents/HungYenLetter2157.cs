using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Server.DemoData.Documents;

/// <summary>
/// Công văn 2157-CV/TU of the Hưng Yên provincial Party standing committee (21/5/2019), from the seed
/// hung-yen-2019-cong-van-2157-CV-TU.txt. Every field is as the letter prints it; its nine numbered
/// points are the tasks. The letter sets no dates, so every task is standing ("thường xuyên"). It
/// names no lead for most points: the lead is the agency whose field the point is, and the police
/// where several are (point 6), so that no open task is led by a department merged in 2025.
/// </summary>
internal static class HungYenLetter2157
{
    public const string SeedFile = "hung-yen-2019-cong-van-2157-CV-TU.txt";

    public static void AddTo(DemoDataBuilder data)
    {
        var letter = data.Directive(
            "2019-2157-cv-tu",
            new DirectiveDetails
            {
                DocumentType = DocumentType.CongVan,

                // As printed, spaces and all; the domain compares it as 2157-CV/TU.
                NumberAndSymbol = "2157 - CV/TU",
                IssuingBody = "Ban Thường vụ Tỉnh ủy Hưng Yên",
                Place = "Hưng Yên",
                IssuedOn = new DateOnly(2019, 5, 21),
                Subject = "V/v tăng cường công tác đảm bảo an ninh trật tự",
                Signer = new Signer("Đỗ Xuân Tuyên", "Phó Bí thư Thường trực", "T/M BAN THƯỜNG VỤ"),

                // The documents point 1 names first among those to carry out.
                LegalBases =
                [
                    new("12/CT- TTg", new DateOnly(2019, 4, 25), "Chỉ thị của Thủ tướng Chính phủ về tăng cường công tác phòng ngừa, đấu tranh với tội phạm và vi phạm pháp luật liên quan đến hoạt động “tín dụng đen”"),
                    new("69/TB-VPCP", new DateOnly(2019, 4, 26), "Thông báo của Văn phòng Chính phủ thông báo kết luận của Phó Thủ tướng Thường trực Chính phủ về công tác bảo đảm an ninh, trật tự"),
                    new("35-CT/TU", new DateOnly(2018, 12, 28), "Chỉ thị của Ban Thường vụ Tỉnh ủy"),
                ],

                // "Nơi nhận" as printed, without the list's trailing commas; the "Kính gửi" lines are
                // all among them.
                Recipients =
                [
                    "Ban Bí thư Trung ương, (để b/c)",
                    "Ban Nội chính TW",
                    "Đảng uỷ Công an TW",
                    "TT HĐND, UBND tỉnh",
                    "Các ban Đảng tỉnh, Đảng đoàn, BCS Đảng",
                    "Các sở, ban, ngành, đoàn thể tỉnh",
                    "BTV huyện uỷ, thành uỷ, thị uỷ, ĐUTTTU",
                    "UBND huyện, thành phố, thị xã",
                    "Các đ/c Tỉnh uỷ viên",
                    "LĐVPTU, CVTH^{DĐ}",
                    "Lưu VPTU",
                ],

                // "báo cáo kết quả với Ban Thường vụ Tỉnh uỷ theo quy định": no schedule of its own.
                ReportingSchedule = ReportingSchedule.None,
            },
            monitoringAgency: "dang-uy-cong-an-tinh",
            seed: SeedDocument.Load(SeedFile),
            endAnchor: "Các cấp uỷ đảng, chính quyền; các sở, ban, ngành");
        letter.Issue();

        var standing = Deadline.Standing;
        letter.Task("1", "Thực hiện nghiêm các văn bản về bảo đảm an ninh, trật tự, nhất là về “tín dụng đen”", "cong-an-tinh", ["ban-noi-chinh-tinh-uy"], standing, anchor: "1- Tập trung lãnh đạo");
        letter.Task("2", "Tuyên truyền, định hướng báo chí; bảo vệ trẻ em, phòng, chống bạo lực học đường", "ban-tuyen-giao-tinh-uy", ["so-tttt", "so-gddt", "so-ldtbxh"], standing, anchor: "2- Tăng cường tuyên truyền")
            .Report(new DateOnly(2019, 9, 20), ReportKind.AdHoc, "so-gddt", 60, "Đầu năm học 2019 – 2020, toàn ngành đã tổ chức quán triệt quy định về phòng, chống bạo lực học đường tới 100% cơ sở giáo dục; thành lập tổ tư vấn tâm lý học đường tại các trường trung học phổ thông.", "Trần Thị Minh Nguyệt (Phòng Chính trị tư tưởng, Sở Giáo dục và Đào tạo)");
        letter.Task("3", "Bảo vệ chính trị nội bộ, bí mật nhà nước, an ninh mạng; bảo vệ các mục tiêu chính trị", "ban-to-chuc-tinh-uy", ["cong-an-tinh", "bo-chi-huy-quan-su-tinh"], standing, anchor: "3- Tiếp tục thực hiện nghiêm Kế hoạch");
        letter.Task("4", "Nắm, dự báo tình hình theo phương châm “4 tại chỗ”; vai trò công đoàn cơ sở", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh", "lien-doan-lao-dong-tinh"], standing, anchor: "4- Nâng cao chất lượng, hiệu quả công tác nắm");
        letter.Task("5", "Giải quyết khiếu nại, tố cáo đông người, phức tạp; quản lý nhà nước về tôn giáo", "thanh-tra-tinh", ["so-noi-vu", AgencyCatalogue.DistrictId("huyện", "Khoái Châu")], standing, anchor: "5- Các sở, ngành");
        letter.Task("6", "Thu phí tại các trạm BOT; môi trường, tài nguyên, an toàn thực phẩm; trật tự an toàn giao thông", "cong-an-tinh", ["so-gtvt", "so-tnmt", "so-y-te"], standing, anchor: "6- Rà soát cơ sở pháp lý")
            .Report(new DateOnly(2019, 12, 12), ReportKind.Periodic6Month, "so-gtvt", 70, "Sáu tháng cuối năm 2019 đã phối hợp kiểm tra tải trọng xe trên các tuyến quốc lộ, xử lý các trường hợp xe quá khổ, quá tải; rà soát hồ sơ pháp lý các trạm thu phí BOT trên địa bàn và báo cáo UBND tỉnh.", "Nguyễn Văn Khải (Thanh tra Sở Giao thông vận tải)", period: Period.OfHalfYear(2019, 2));
        letter.Task("7", "Phòng ngừa, tấn công, trấn áp tội phạm và tệ nạn xã hội", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh"], standing, anchor: "7- Triển khai đồng bộ")
            .Report(new DateOnly(2019, 8, 5), ReportKind.AdHoc, "cong-an-tinh", 50, "Kết thúc đợt cao điểm tấn công, trấn áp tội phạm liên quan đến “tín dụng đen”: đã triệt phá một số ổ nhóm cho vay lãi nặng, khởi tố các vụ án theo quy định; tiếp tục rà soát các cơ sở kinh doanh cầm đồ, dịch vụ tài chính.", "Lê Văn Hòa (Phòng Tham mưu, Công an tỉnh)")
            .Report(new DateOnly(2019, 12, 16), ReportKind.Annual, "cong-an-tinh", 80, "Năm 2019 tình hình trật tự an toàn xã hội cơ bản được giữ vững; các đợt cao điểm tấn công, trấn áp tội phạm được triển khai theo kế hoạch, không để hình thành băng nhóm tội phạm hoạt động theo kiểu “xã hội đen”.", "Lê Văn Hòa (Phòng Tham mưu, Công an tỉnh)", period: Period.OfYear(2019));
        letter.Task("8", "Điều tra, truy tố, xét xử, thi hành án; quản lý ngành nghề có điều kiện; phòng cháy, chữa cháy", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh", "toa-an-nhan-dan-tinh", "cuc-thi-hanh-an-dan-su-tinh"], standing, anchor: "8- Nâng cao chất lượng công tác điều tra");
        letter.Task("9", "Kiểm tra cơ sở kinh doanh có điều kiện; phong trào toàn dân bảo vệ an ninh Tổ quốc", "cong-an-tinh", ["uy-ban-mttq-tinh"], standing, anchor: "9- Thường xuyên chỉ đạo");
    }
}
