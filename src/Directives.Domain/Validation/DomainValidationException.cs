namespace Directives.Domain.Validation;

/// <summary>
/// Input that breaks the domain's rules, with every problem found rather than only the first, so a
/// caller fixes them in one round trip. The Server maps it to INVALID_ARGUMENT with a BadRequest.
/// </summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(IReadOnlyList<FieldViolation> violations)
        : base(Describe(violations))
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("A validation failure needs at least one violation.", nameof(violations));
        }

        Violations = violations;
    }

    public DomainValidationException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations)
        => violations.Count == 1
            ? $"Invalid {violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}
