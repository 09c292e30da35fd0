using Directives.Contracts.V1;
using Grpc.Core;

namespace Directives.Server.Api;

/// <summary>The status code each <see cref="ErrorReason"/> comes with, as errors.proto documents it.</summary>
internal static class ErrorReasonStatus
{
    public static StatusCode Of(ErrorReason reason) => reason switch
    {
        ErrorReason.InvalidField
            or ErrorReason.InvalidResourceName
            or ErrorReason.InvalidPageToken
            or ErrorReason.InvalidFilter
            or ErrorReason.InvalidOrderBy
            or ErrorReason.UnknownReference
            or ErrorReason.AgencyMerged
            or ErrorReason.LeadAgencyAlsoCooperating
            or ErrorReason.CommitteePositionCount
            or ErrorReason.InvalidChangeToken => StatusCode.InvalidArgument,
        ErrorReason.ResourceNotFound or ErrorReason.ProvinceNotFound => StatusCode.NotFound,
        ErrorReason.ResourceAlreadyExists or ErrorReason.DuplicateNumber or ErrorReason.RequestIdReused => StatusCode.AlreadyExists,
        ErrorReason.EtagMismatch => StatusCode.Aborted,
        ErrorReason.InvalidStateTransition
            or ErrorReason.ResourceDeleted
            or ErrorReason.ParentDeleted
            or ErrorReason.HasDependents
            or ErrorReason.IncompleteResource
            or ErrorReason.ChangeTokenExpired
            or ErrorReason.ProvinceReadOnly
            or ErrorReason.ProvinceDisabled
            or ErrorReason.PositionOccupied => StatusCode.FailedPrecondition,
        ErrorReason.TokenMissing or ErrorReason.TokenInvalid => StatusCode.Unauthenticated,
        ErrorReason.ProvinceMismatch
            or ErrorReason.RoleRequired
            or ErrorReason.AgencyNotAssigned
            or ErrorReason.CrossProvinceDenied => StatusCode.PermissionDenied,
        ErrorReason.RateLimited => StatusCode.ResourceExhausted,
        ErrorReason.StorageUnavailable => StatusCode.Unavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason the API sends."),
    };
}
