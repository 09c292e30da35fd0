namespace Directives.Domain.Directives;

/// <summary>The kind of document (thể loại văn bản).</summary>
public enum DocumentType
{
    /// <summary>Chỉ thị (CT): a directive.</summary>
    ChiThi = 1,

    /// <summary>Công văn (CV): an official letter.</summary>
    CongVan = 2,

    /// <summary>Nghị quyết (NQ): a resolution.</summary>
    NghiQuyet = 3,

    /// <summary>Kế hoạch (KH): a plan.</summary>
    KeHoach = 4,

    /// <summary>Kết luận (KL): a conclusion.</summary>
    KetLuan = 5,

    /// <summary>Quyết định (QĐ): a decision.</summary>
    QuyetDinh = 6,
}
