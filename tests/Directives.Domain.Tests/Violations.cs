using Directives.Domain.Validation;

namespace Directives.Domain.Tests;

internal static class Violations
{
    /// <summary>Runs <paramref name="action"/> and returns the fields it reported as invalid.</summary>
    public static IReadOnlyList<string> Of(Action action)
        => Assert.Throws<DomainValidationException>(action).Violations.Select(v => v.Field).ToArray();

    public static DomainRuleException Rule(Action action) => Assert.Throws<DomainRuleException>(action);
}
