using Directives.Domain.Directives;

namespace Directives.Domain.Committees;

/// <summary>One stretch a person served on a committee, for member history.</summary>
public sealed record MemberTenure(
    Guid MemberId,
    string PersonName,
    string Title,
    Guid AgencyId,
    CommitteePosition Position,
    NumberAndSymbol Decision,
    DateOnly StartDate,
    DateOnly? EndDate);
