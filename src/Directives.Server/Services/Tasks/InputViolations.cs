using Directives.Domain.Validation;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// Reports every problem of a request at once: those found at the edge (names, references, the
/// contract's own forms) and those the domain finds, as one INVALID_ARGUMENT. Where both flag the same
/// field (or the edge flagged a part of it, <c>new_deadline.date</c> for <c>new_deadline</c>), the edge's
/// description is kept: it knows what the request said (an unknown agency, rather than the placeholder
/// the domain was given for it).
/// </summary>
internal static class InputViolations
{
    /// <summary>Runs <paramref name="domainStep"/> and throws the combined violations, if any; otherwise returns its result.</summary>
    public static T Check<T>(RequestViolations edge, Func<T> domainStep, IReadOnlyDictionary<string, string>? renamedFields = null)
    {
        IReadOnlyList<FieldViolation> domain = [];
        T result = default!;
        try
        {
            result = domainStep();
        }
        catch (DomainValidationException exception)
        {
            domain = exception.Violations;
        }

        if (!edge.HasViolations && domain.Count == 0)
        {
            return result;
        }

        var renamed = domain.Select(v => renamedFields is not null && renamedFields.TryGetValue(v.Field, out var field) ? v with { Field = field } : v);
        throw new DomainValidationException([.. edge.Violations, .. renamed.Where(v => !IsFlagged(edge.Violations, v.Field))]);
    }

    private static bool IsFlagged(IReadOnlyList<FieldViolation> edge, string field)
        => edge.Any(v => v.Field == field
            || (v.Field.Length > field.Length && v.Field.StartsWith(field, StringComparison.Ordinal) && v.Field[field.Length] is '.' or '['));

    /// <summary>Throws the edge's violations, if any.</summary>
    public static void ThrowIfAny(RequestViolations edge) => Check(edge, () => true);
}
