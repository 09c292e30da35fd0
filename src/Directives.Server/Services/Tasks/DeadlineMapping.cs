using Directives.Domain.Validation;
using ContractDeadline = Directives.Contracts.V1.Deadline;
using DomainDeadline = Directives.Domain.Tasks.Deadline;
using DomainDeadlineKind = Directives.Domain.Tasks.DeadlineKind;

namespace Directives.Server.Services.Tasks;

/// <summary>The contract's <c>Deadline</c> oneof (date, period or standing) and the domain's.</summary>
internal static class DeadlineMapping
{
    public static ContractDeadline ToContract(DomainDeadline deadline) => deadline.Kind switch
    {
        DomainDeadlineKind.Date => new ContractDeadline { Date = DateMapping.ToContract(deadline.Date!.Value) },
        DomainDeadlineKind.Period => new ContractDeadline { Period = PeriodMapping.ToContract(deadline.Period!) },
        _ => new ContractDeadline { Standing = true },
    };

    /// <summary>The deadline, or null with violations under <paramref name="field"/> (also when it is missing).</summary>
    public static DomainDeadline? FromContract(ContractDeadline? deadline, string field, RequestViolations violations)
    {
        switch (deadline?.KindCase)
        {
            case ContractDeadline.KindOneofCase.Date:
                var date = DateMapping.FromContract(deadline.Date, FieldPaths.Join(field, "date"), violations);
                if (date is { Year: < Domain.Time.Period.MinYear })
                {
                    violations.Add(FieldPaths.Join(field, "date"), $"must be in {Domain.Time.Period.MinYear} or later");
                    return null;
                }

                return date is { } day ? DomainDeadline.OnDate(day) : null;
            case ContractDeadline.KindOneofCase.Period:
                var period = PeriodMapping.FromContract(deadline.Period, FieldPaths.Join(field, "period"), violations);
                return period is null ? null : DomainDeadline.InPeriod(period);
            case ContractDeadline.KindOneofCase.Standing:
                if (!deadline.Standing)
                {
                    violations.Add(FieldPaths.Join(field, "standing"), "must be true when set; set date or period for a task with a deadline");
                    return null;
                }

                return DomainDeadline.Standing;
            default:
                violations.Add(field, "is required: set date, period, or standing for a task without a deadline (thường xuyên)");
                return null;
        }
    }
}
