using Directives.Domain.Committees;
using Directives.Server.Services.Tasks;
using ContractDate = Directives.Contracts.V1.Date;
using ContractMember = Directives.Contracts.V1.CommitteeMember;

namespace Directives.Server.Services.Committees;

/// <summary>
/// The members and dates of committee requests as the domain takes them: text in NFC, agencies by Guid
/// (an unknown, deleted or merged agency is a violation on its field), positions and dates checked. A
/// problem leaves a placeholder for the domain, whose own violation on the same field is then dropped
/// in favour of the edge's (<see cref="InputViolations"/>).
/// </summary>
internal static class CommitteeInput
{
    public static MemberDetails ToDetails(ContractMember member, AgencyDirectory agencies, RequestViolations violations)
        => new()
        {
            Id = Guid.NewGuid(),
            PersonName = InputText.Nfc(member.PersonName),
            Title = InputText.Nfc(member.Title),
            AgencyId = agencies.Resolve(member.Agency, CommitteeFields.Agency, violations) ?? Guid.Empty,
            Position = CommitteeEnums.ToDomain(member.Position, CommitteeFields.Position, violations) ?? default,
            ResponsibilityAreas = [.. member.ResponsibilityAreas.Select(InputText.Nfc)],
        };

    /// <summary>A required date: null with a violation when it is missing or not a full date.</summary>
    public static DateOnly? RequiredDate(ContractDate? date, string field, RequestViolations violations)
    {
        if (date is null)
        {
            violations.Add(field, "is required");
            return null;
        }

        return DateMapping.FromContract(date, field, violations);
    }
}
