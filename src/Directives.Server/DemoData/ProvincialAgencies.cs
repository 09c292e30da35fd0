using Directives.Domain.Agencies;

namespace Directives.Server.DemoData;

/// <summary>
/// The agencies every province has, by the names the documents use inside the province ("Công an
/// tỉnh"; the province is the tenant), and the department mergers every province made in 2025.
/// </summary>
internal static class ProvincialAgencies
{
    /// <summary>
    /// The first day of the reorganised provincial departments: the streamlining of 2025 merged them
    /// from 1 March 2025 in every province.
    /// </summary>
    public static readonly DateOnly DepartmentMergers2025 = new(2025, 3, 1);

    public static void AddTo(AgencyCatalogue agencies)
    {
        // Party bodies: the Party directives assign and monitor through them.
        agencies.Add("van-phong-tinh-uy", AgencyKind.PartyBody, "Văn phòng Tỉnh ủy");
        agencies.Add("ban-noi-chinh-tinh-uy", AgencyKind.PartyBody, "Ban Nội chính Tỉnh ủy");
        agencies.Add("ban-tuyen-giao-tinh-uy", AgencyKind.PartyBody, "Ban Tuyên giáo Tỉnh ủy");
        agencies.Add("ban-to-chuc-tinh-uy", AgencyKind.PartyBody, "Ban Tổ chức Tỉnh ủy");
        agencies.Add("dang-uy-cong-an-tinh", AgencyKind.PartyBody, "Đảng ủy Công an tỉnh");

        agencies.Add("ubnd-tinh", AgencyKind.Other, "Ủy ban nhân dân tỉnh");
        agencies.Add("van-phong-ubnd-tinh", AgencyKind.Other, "Văn phòng Ủy ban nhân dân tỉnh");
        agencies.Add("cong-an-tinh", AgencyKind.Police, "Công an tỉnh");
        agencies.Add("bo-chi-huy-quan-su-tinh", AgencyKind.Military, "Bộ Chỉ huy Quân sự tỉnh");

        agencies.Add("so-noi-vu", AgencyKind.Department, "Sở Nội vụ");
        agencies.Add("so-tu-phap", AgencyKind.Department, "Sở Tư pháp");
        agencies.Add("so-tai-chinh", AgencyKind.Department, "Sở Tài chính");
        agencies.Add("so-xay-dung", AgencyKind.Department, "Sở Xây dựng");
        agencies.Add("so-gtvt", AgencyKind.Department, "Sở Giao thông vận tải");
        agencies.Add("so-gddt", AgencyKind.Department, "Sở Giáo dục và Đào tạo");
        agencies.Add("so-ldtbxh", AgencyKind.Department, "Sở Lao động – Thương binh và Xã hội");
        agencies.Add("so-y-te", AgencyKind.Department, "Sở Y tế");
        agencies.Add("so-khcn", AgencyKind.Department, "Sở Khoa học và Công nghệ");
        agencies.Add("so-tttt", AgencyKind.Department, "Sở Thông tin và Truyền thông");
        agencies.Add("so-tnmt", AgencyKind.Department, "Sở Tài nguyên và Môi trường");
        agencies.Add("so-vhttdl", AgencyKind.Department, "Sở Văn hóa, Thể thao và Du lịch");
        agencies.Add("so-cong-thuong", AgencyKind.Department, "Sở Công Thương");
        agencies.Add("thanh-tra-tinh", AgencyKind.Department, "Thanh tra tỉnh");

        agencies.Add("toa-an-nhan-dan-tinh", AgencyKind.Court, "Tòa án nhân dân tỉnh");
        agencies.Add("vien-kiem-sat-nhan-dan-tinh", AgencyKind.Procuracy, "Viện kiểm sát nhân dân tỉnh");
        agencies.Add("cuc-thi-hanh-an-dan-su-tinh", AgencyKind.Other, "Cục Thi hành án dân sự tỉnh");

        agencies.Add("uy-ban-mttq-tinh", AgencyKind.Front, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
        agencies.Add("tinh-doan", AgencyKind.Front, "Tỉnh đoàn");
        agencies.Add("hoi-lien-hiep-phu-nu-tinh", AgencyKind.Front, "Hội Liên hiệp Phụ nữ tỉnh");
        agencies.Add("lien-doan-lao-dong-tinh", AgencyKind.Front, "Liên đoàn Lao động tỉnh");
    }

    /// <summary>The border guard command of a province with a coast or a land border.</summary>
    public static void AddBorderGuard(AgencyCatalogue agencies)
        => agencies.Add("bo-chi-huy-bo-doi-bien-phong-tinh", AgencyKind.Military, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh");

    /// <summary>
    /// The 2025 mergers that touch the security-and-order tasks: labour into home affairs, transport
    /// into construction, information and communications into science and technology. The absorbing
    /// departments kept their names, so each is a merger into an existing agency, as the domain
    /// models it; tasks and committee seats recorded before keep the merged department.
    /// </summary>
    public static void MergeDepartments2025(AgencyCatalogue agencies)
    {
        agencies.Merge("so-ldtbxh", "so-noi-vu", DepartmentMergers2025);
        agencies.Merge("so-gtvt", "so-xay-dung", DepartmentMergers2025);
        agencies.Merge("so-tttt", "so-khcn", DepartmentMergers2025);
    }
}
