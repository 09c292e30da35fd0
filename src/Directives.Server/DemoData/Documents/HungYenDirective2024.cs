using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Server.DemoData.Documents;

/// <summary>
/// The Hưng Yên provincial Party standing committee's 2024 directive on security and order, from the
/// seed hung-yen-2024-chi-thi-an-ninh-trat-tu.txt, with its tasks 1–5 and 3.1–3.5.
/// </summary>
/// <remarks>
/// The seed prints no number, date or place of issue, and the demo does not invent them for a real
/// document: the directive is seeded as a draft holding everything the seed prints (signer included),
/// which is also how a secretariat enters a directive before it has its number. Issuing it
/// (IssueDirective with the real number and date) is left to someone who has the signed original.
/// Being a draft, its tasks carry no progress reports. The directive governs 2024 ("nhiệm vụ bảo đảm
/// an ninh, trật tự năm 2024"), so each task is due within that year.
/// </remarks>
internal static class HungYenDirective2024
{
    public const string SeedFile = "hung-yen-2024-chi-thi-an-ninh-trat-tu.txt";

    /// <summary>
    /// The day the draft counts as entered: the first working day of 2024. The directive cites
    /// Chỉ thị 55-CT/TU of 20/12/2023, so it was signed after that.
    /// </summary>
    public static readonly DateOnly EnteredOn = new(2024, 1, 2);

    public static void AddTo(DemoDataBuilder data)
    {
        var directive = data.Directive(
            "2024-chi-thi-an-ninh-trat-tu",
            new DirectiveDetails
            {
                DocumentType = DocumentType.ChiThi,
                IssuingBody = "Ban Thường vụ Tỉnh ủy Hưng Yên",
                Subject = "Về tăng cường bảo đảm an ninh, trật tự năm 2024",
                Signer = new Signer("Nguyễn Hữu Nghĩa", "Bí thư", "T/M BAN THƯỜNG VỤ"),

                // The Central Party documents point 1 names as the focus of what to carry out.
                LegalBases =
                [
                    new("12-NQ/TW", new DateOnly(2022, 3, 16), "Nghị quyết của Bộ Chính trị về đẩy mạnh xây dựng lực lượng Công an nhân dân thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại, đáp ứng yêu cầu, nhiệm vụ trong tình hình mới"),
                    new("44-NQ/TW", new DateOnly(2023, 11, 24), "Nghị quyết của Ban Chấp hành Trung ương Đảng về Chiến lược bảo vệ Tổ quốc trong tình hình mới"),
                    new("132-QĐ/TW", new DateOnly(2023, 10, 27), "Quy định của Bộ Chính trị về kiểm soát quyền lực, phòng, chống tham nhũng, tiêu cực trong hoạt động điều tra, truy tố, xét xử, thi hành án"),
                    new("13-KL/TW", new DateOnly(2021, 8, 16), "Kết luận của Bộ Chính trị về việc tiếp tục thực hiện Chỉ thị số 48-CT/TW của Bộ Chính trị khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tội phạm trong tình hình mới"),
                    new("15-KL/TW", new DateOnly(2021, 9, 30), "Kết luận của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số 46-CT/TW của Bộ Chính trị khóa XI về công tác bảo đảm an ninh, trật tự trong tình hình mới"),
                    new("47-CT/TW", null, "Chỉ thị của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác phòng cháy, chữa cháy"),
                    new("23-CT/TW", new DateOnly(2023, 5, 25), "Chỉ thị của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác đảm bảo trật tự an toàn giao thông trong tình hình mới"),
                ],
                Recipients =
                [
                    "Thường trực Ban Bí thư",
                    "Ban Nội chính TW",
                    "Đảng ủy Công an TW",
                    "Các ban Đảng, Đảng đoàn, BCS Đảng",
                    "Các sở, ngành, đoàn thể tỉnh",
                    "Các huyện ủy, thành ủy, thị ủy, ĐUTT TU",
                    "Các đ/c Tỉnh ủy viên",
                    "LĐVP TU, TKBT TU",
                    "Lưu: VPTU, CVTH",
                ],

                // "báo cáo Ban Thường vụ Tỉnh ủy kết quả theo quy định": no schedule of its own.
                ReportingSchedule = ReportingSchedule.None,
            },
            monitoringAgency: "dang-uy-cong-an-tinh",
            recordedOn: EnteredOn,
            seed: SeedDocument.Load(SeedFile),
            endAnchor: "Giao Đảng ủy Công an tỉnh chủ trì, phối hợp với Ban Nội chính");

        var in2024 = Deadline.InPeriod(Period.OfYear(2024));
        directive.Task("1", "Quán triệt, triển khai các chủ trương của Đảng, pháp luật của Nhà nước về bảo đảm an ninh, trật tự", "ban-tuyen-giao-tinh-uy", ["dang-uy-cong-an-tinh", "uy-ban-mttq-tinh"], in2024, anchor: "1. Tiếp tục quán triệt");
        directive.Task("2", "Thể chế hóa chủ trương; hướng dẫn, kiểm tra, đôn đốc; trách nhiệm người đứng đầu", "ban-noi-chinh-tinh-uy", ["ubnd-tinh"], in2024, anchor: "2. Lãnh đạo, chỉ đạo quán triệt");
        directive.Task("3", "Đảng ủy Công an tỉnh chỉ đạo Công an các cấp trong tỉnh", "dang-uy-cong-an-tinh", [], in2024, anchor: "### 3. Đảng ủy Công an tỉnh");
        directive.Task("3.1", "Bảo đảm an ninh quốc gia, an ninh Đại hội Đảng các cấp; không để hình thành “điểm nóng”; an ninh mạng", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh"], in2024, anchor: "3.1. Chủ động triển khai");
        directive.Task("3.2", "Kiểm soát quyền lực, phòng, chống tham nhũng, tiêu cực trong hoạt động tố tụng, thi hành án", "cong-an-tinh", ["vien-kiem-sat-nhan-dan-tinh", "toa-an-nhan-dan-tinh", "cuc-thi-hanh-an-dan-su-tinh"], in2024, anchor: "3.2. Quán triệt");
        directive.Task("3.3", "Phòng ngừa, đấu tranh với tội phạm; tiếp nhận, xử lý tố giác, tin báo về tội phạm", "cong-an-tinh", ["ban-noi-chinh-tinh-uy", "vien-kiem-sat-nhan-dan-tinh"], in2024, anchor: "3.3. Triển khai các giải pháp");
        directive.Task("3.4", "Quản lý nhà nước về an ninh, trật tự; Đề án 06; trật tự an toàn giao thông; phòng cháy, chữa cháy", "cong-an-tinh", ["so-gtvt"], in2024, anchor: "3.4. Nâng cao hiệu lực");
        directive.Task("3.5", "Xây dựng lực lượng Công an trong sạch, vững mạnh; trụ sở, phương tiện cho Công an xã", "cong-an-tinh", ["ubnd-tinh"], in2024, anchor: "3.5. Tăng cường công tác xây dựng đảng");
        directive.Task("4", "Phong trào toàn dân bảo vệ an ninh Tổ quốc; Công an phường điển hình, kiểu mẫu", "cong-an-tinh", ["bo-chi-huy-quan-su-tinh", "uy-ban-mttq-tinh"], in2024, anchor: "4. Tiếp tục thực hiện có hiệu quả Kết luận");
        directive.Task("5", "Phối hợp giữa Đảng ủy Công an tỉnh và Ban Nội chính Tỉnh ủy về nội chính, phòng, chống tham nhũng", "dang-uy-cong-an-tinh", ["ban-noi-chinh-tinh-uy"], in2024, anchor: "5. Tăng cường công tác phối hợp");
    }
}
