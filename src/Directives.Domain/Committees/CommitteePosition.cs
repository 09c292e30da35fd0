namespace Directives.Domain.Committees;

/// <summary>Positions on a steering committee 138, in the order the decisions list them.</summary>
public enum CommitteePosition
{
    /// <summary>Trưởng ban: the chairman of the People's Committee at that level, or a vice-chairman.</summary>
    Head = 1,

    /// <summary>Phó Trưởng ban Thứ nhất: a vice-chairman.</summary>
    FirstDeputy = 2,

    /// <summary>Phó Trưởng ban Thường trực: the police director at that level.</summary>
    StandingDeputy = 3,

    /// <summary>Phó Trưởng ban: heads of health, labour, the Front, deputy police directors.</summary>
    Deputy = 4,

    /// <summary>Ủy viên: heads of the other agencies with crime-prevention duties.</summary>
    Member = 5,
}
