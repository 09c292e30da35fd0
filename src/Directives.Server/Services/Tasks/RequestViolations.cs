using Directives.Domain.Validation;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// Gathers the problems of a request found at the edge (names, references, the contract's own forms)
/// before failing, in the domain's <see cref="FieldViolation"/> terms: paths relative to the resource
/// the request carries, which the API error mapping prefixes with the request's field. A nested
/// collector shares the list and prefixes its paths.
/// </summary>
internal sealed class RequestViolations
{
    private readonly List<FieldViolation> _violations;
    private readonly string _prefix;

    public RequestViolations()
        : this([], "")
    {
    }

    private RequestViolations(List<FieldViolation> violations, string prefix)
    {
        _violations = violations;
        _prefix = prefix;
    }

    public bool HasViolations => _violations.Count > 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public RequestViolations Nested(string field) => new(_violations, FieldPaths.Join(_prefix, field));

    public void Add(string field, string description, string? reason = null)
        => _violations.Add(new FieldViolation(FieldPaths.Join(_prefix, field), description, reason));
}
