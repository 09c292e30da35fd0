namespace Directives.Domain.Validation;

/// <summary>
/// Reasons the domain gives, spelled as the API's <c>directives.v1.ErrorReason</c> names so the Server
/// can copy them into <c>google.rpc.ErrorInfo.reason</c>.
/// </summary>
public static class ErrorReasons
{
    /// <summary>FAILED_PRECONDITION: the method does not apply to the resource's current state.</summary>
    public const string InvalidStateTransition = "INVALID_STATE_TRANSITION";

    /// <summary>FAILED_PRECONDITION: the stored resource lacks data the method needs; the violations name it.</summary>
    public const string IncompleteResource = "INCOMPLETE_RESOURCE";

    /// <summary>NOT_FOUND: a child the aggregate does not have (a committee member, a composition).</summary>
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";

    /// <summary>INVALID_ARGUMENT, on a <see cref="FieldViolation"/>: a task's lead agency is also listed as cooperating.</summary>
    public const string LeadAgencyAlsoCooperating = "LEAD_AGENCY_ALSO_COOPERATING";

    /// <summary>INVALID_ARGUMENT, on a <see cref="FieldViolation"/>: a composition lacks exactly one head, first or standing deputy.</summary>
    public const string CommitteePositionCount = "COMMITTEE_POSITION_COUNT";

    /// <summary>INVALID_ARGUMENT, on a <see cref="FieldViolation"/>: a field names an agency merged into another.</summary>
    public const string AgencyMerged = "AGENCY_MERGED";
}
