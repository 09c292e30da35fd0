using Directives.Contracts.V1;
using Directives.Domain.Committees;
using Directives.Server.Services.Tasks;
using ContractPosition = Directives.Contracts.V1.CommitteeMember.Types.Position;
using ContractReason = Directives.Contracts.V1.Vacancy.Types.Reason;

namespace Directives.Server.Services.Committees;

/// <summary>The contract's committee enums and the domain's: the same values under the same numbers.</summary>
internal static class CommitteeEnums
{
    public static AdministrativeLevel ToContract(CommitteeLevel level) => (AdministrativeLevel)(int)level;

    public static ContractPosition ToContract(CommitteePosition position) => (ContractPosition)(int)position;

    public static ContractReason ToContract(VacancyReason reason) => (ContractReason)(int)reason;

    /// <summary>The domain's level; a violation on <paramref name="field"/> for UNSPECIFIED or an unknown value.</summary>
    public static CommitteeLevel? ToDomain(AdministrativeLevel level, string field, RequestViolations violations)
    {
        if (level == AdministrativeLevel.Unspecified || !System.Enum.IsDefined(level))
        {
            violations.Add(field, level == AdministrativeLevel.Unspecified ? "is required" : $"{(int)level} is not a value of AdministrativeLevel");
            return null;
        }

        return (CommitteeLevel)(int)level;
    }

    /// <summary>The domain's position; a violation on <paramref name="field"/> for UNSPECIFIED or an unknown value.</summary>
    public static CommitteePosition? ToDomain(ContractPosition position, string field, RequestViolations violations)
    {
        if (position == ContractPosition.Unspecified || !System.Enum.IsDefined(position))
        {
            violations.Add(field, position == ContractPosition.Unspecified ? "is required" : $"{(int)position} is not a value of CommitteeMember.Position");
            return null;
        }

        return (CommitteePosition)(int)position;
    }
}
