using Directives.Domain.Validation;

namespace Directives.Server.Services.Tasks;

/// <summary>The contract's <c>double</c> values (targets, measurements) as the domain's <see cref="decimal"/>s.</summary>
internal static class NumberMapping
{
    // Measured values are counts and percentages; beyond this a double has no exact decimal anyway.
    private const double Limit = 1e15;

    /// <summary>The value, or null with a violation on <paramref name="field"/> when it is not finite or out of range.</summary>
    public static decimal? ToDecimal(double value, string field, RequestViolations violations)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > Limit)
        {
            violations.Add(field, $"must be a finite number within ±{Limit:0e0}");
            return null;
        }

        return (decimal)value;
    }

    public static double ToDouble(decimal value) => (double)value;
}
