namespace Directives.Domain.Validation;

/// <summary>
/// A well-formed request that the resource's current state does not allow, such as completing a
/// cancelled task. The Server maps it to FAILED_PRECONDITION, with <see cref="Reason"/> as the
/// ErrorInfo reason and as the key of its Vietnamese message.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>One of <see cref="RuleReasons"/>: stable, UPPER_SNAKE_CASE.</summary>
    public string Reason { get; }
}
