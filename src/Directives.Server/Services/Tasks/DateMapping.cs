using Directives.Domain.Validation;
using ContractDate = Directives.Contracts.V1.Date;

namespace Directives.Server.Services.Tasks;

/// <summary>The contract's <c>Date</c> (year, month and day all set) and <see cref="DateOnly"/>.</summary>
internal static class DateMapping
{
    public static ContractDate ToContract(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>The date, or null with a violation on <paramref name="field"/> when it is not a full, valid date.</summary>
    public static DateOnly? FromContract(ContractDate date, string field, RequestViolations violations)
    {
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            violations.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a full date (year, month and day of a real day)");
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
