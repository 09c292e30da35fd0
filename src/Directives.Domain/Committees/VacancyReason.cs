namespace Directives.Domain.Committees;

public enum VacancyReason
{
    /// <summary>No composition is in force: every required position is vacant.</summary>
    NoComposition = 1,

    /// <summary>The member who held it left and nobody has been appointed since.</summary>
    MemberLeft = 2,
}
