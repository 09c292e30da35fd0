namespace Directives.Domain.Targets;

public enum TargetOutcome
{
    /// <summary>No report has measured the target yet.</summary>
    NotReported = 0,

    Met = 1,

    NotMet = 2,
}
