namespace Directives.Domain.Validation;

/// <summary>
/// A well-formed request that the resource's current state does not allow, such as completing a
/// cancelled task. <see cref="Reason"/> says which status the Server answers with (FAILED_PRECONDITION,
/// or NOT_FOUND for <see cref="ErrorReasons.ResourceNotFound"/>) and is the ErrorInfo reason.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string reason, string message, IReadOnlyList<FieldViolation>? violations = null)
        : base(message)
    {
        Reason = reason;
        Violations = violations ?? [];
    }

    /// <summary>One of <see cref="ErrorReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>For <see cref="ErrorReasons.IncompleteResource"/>, the missing fields: a PreconditionFailure's violations.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }
}
