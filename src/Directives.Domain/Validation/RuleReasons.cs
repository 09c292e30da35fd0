namespace Directives.Domain.Validation;

/// <summary>The reasons a <see cref="DomainRuleException"/> can carry.</summary>
public static class RuleReasons
{
    public const string InvalidStateTransition = "INVALID_STATE_TRANSITION";
    public const string DirectiveNotEditable = "DIRECTIVE_NOT_EDITABLE";
    public const string TaskClosed = "TASK_CLOSED";
    public const string StandingTaskHasNoDeadline = "STANDING_TASK_HAS_NO_DEADLINE";
    public const string AgencyMerged = "AGENCY_MERGED";
    public const string PositionOccupied = "POSITION_OCCUPIED";
    public const string MembershipEnded = "MEMBERSHIP_ENDED";
    public const string NotFound = "NOT_FOUND";
}
