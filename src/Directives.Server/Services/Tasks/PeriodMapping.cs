using Directives.Domain.Validation;
using ContractPeriod = Directives.Contracts.V1.Period;
using ContractPeriodKind = Directives.Contracts.V1.PeriodKind;
using DomainPeriod = Directives.Domain.Time.Period;
using DomainPeriodKind = Directives.Domain.Time.PeriodKind;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The contract's <c>Period</c> and the domain's. The contract numbers a YEAR's <c>index</c> 0 where
/// the domain counts it as the year's one period.
/// </summary>
internal static class PeriodMapping
{
    public static ContractPeriod ToContract(DomainPeriod period) => new()
    {
        Kind = period.Kind switch
        {
            DomainPeriodKind.Quarter => ContractPeriodKind.Quarter,
            DomainPeriodKind.HalfYear => ContractPeriodKind.HalfYear,
            _ => ContractPeriodKind.Year,
        },
        Year = period.Year,
        Index = period.Kind == DomainPeriodKind.Year ? 0 : period.Number,
    };

    /// <summary>The period, or null with violations under <paramref name="field"/>.</summary>
    public static DomainPeriod? FromContract(ContractPeriod period, string field, RequestViolations violations)
    {
        var yearValid = period.Year is >= DomainPeriod.MinYear and <= DomainPeriod.MaxYear;
        if (!yearValid)
        {
            violations.Add(FieldPaths.Join(field, "year"), $"must be between {DomainPeriod.MinYear} and {DomainPeriod.MaxYear}, not {period.Year}");
        }

        var (maxIndex, minIndex) = period.Kind switch
        {
            ContractPeriodKind.Quarter => (4, 1),
            ContractPeriodKind.HalfYear => (2, 1),
            ContractPeriodKind.Year => (0, 0),
            _ => (-1, -1),
        };
        if (maxIndex < 0)
        {
            violations.Add(FieldPaths.Join(field, "kind"), "is required: QUARTER, HALF_YEAR or YEAR");
            return null;
        }

        if (period.Index < minIndex || period.Index > maxIndex)
        {
            violations.Add(
                FieldPaths.Join(field, "index"),
                minIndex == maxIndex ? $"must be 0 for a YEAR, not {period.Index}" : $"must be {minIndex} to {maxIndex} for a {period.Kind}, not {period.Index}");
            return null;
        }

        if (!yearValid)
        {
            return null;
        }

        return period.Kind switch
        {
            ContractPeriodKind.Quarter => DomainPeriod.OfQuarter(period.Year, period.Index),
            ContractPeriodKind.HalfYear => DomainPeriod.OfHalfYear(period.Year, period.Index),
            _ => DomainPeriod.OfYear(period.Year),
        };
    }
}
