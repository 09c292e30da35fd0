namespace Directives.Domain.Agencies;

public enum AgencyKind
{
    /// <summary>Công an: the police.</summary>
    Police = 1,

    /// <summary>Bộ Chỉ huy Quân sự: the military command.</summary>
    Military = 2,

    /// <summary>Sở, ban, ngành: a department of the provincial People's Committee.</summary>
    Department = 3,

    /// <summary>UBND huyện, thành phố, thị xã: a district-level People's Committee.</summary>
    DistrictPeoplesCommittee = 4,

    /// <summary>Tòa án nhân dân: a court.</summary>
    Court = 5,

    /// <summary>Viện kiểm sát nhân dân: the procuracy.</summary>
    Procuracy = 6,

    /// <summary>Ủy ban Mặt trận Tổ quốc and its member organisations.</summary>
    Front = 7,

    /// <summary>Any other body: the provincial People's Committee and its office, the press.</summary>
    Other = 8,

    /// <summary>A Party body: Tỉnh ủy, its boards and office, Party committees of agencies (Đảng ủy Công an tỉnh).</summary>
    PartyBody = 9,
}
