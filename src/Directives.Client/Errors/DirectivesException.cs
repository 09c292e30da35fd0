using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Client.Errors;

/// <summary>
/// A call the server refused or could not serve, with the rich details of its <c>google.rpc.Status</c>:
/// the reason (<c>ErrorInfo</c>), the Vietnamese message for people, field violations, failed
/// preconditions and the resource concerned. Still an <see cref="RpcException"/>, so code that catches
/// those keeps working; catch a subclass (<see cref="InvalidArgumentException"/>, <see cref="NotFoundException"/>…)
/// to handle one kind.
/// </summary>
public class DirectivesException : RpcException
{
    /// <summary>The locale of the server's messages for people.</summary>
    public const string VietnameseLocale = "vi-VN";

    public DirectivesException(RpcException exception)
        : base(exception.Status, exception.Trailers, exception.Status.Detail)
    {
        Details = exception.GetRpcStatus();
        var info = Details?.GetDetail<ErrorInfo>();
        Reason = info?.Type is { Length: > 0 } reason ? reason : null;
        Domain = info?.Domain is { Length: > 0 } domain ? domain : null;
        ErrorMetadata = info?.Metadata.ToDictionary(pair => pair.Key, pair => pair.Value) ?? [];
        var localized = Details?.GetDetails<LocalizedMessage>().ToList() ?? [];
        LocalizedMessage = (localized.Find(m => m.Locale == VietnameseLocale) ?? localized.FirstOrDefault())?.Message;
        FieldViolations = [.. Details?.GetDetails<BadRequest>().SelectMany(b => b.FieldViolations).Select(v => new FieldViolation(v.Field, v.Description)) ?? []];
        PreconditionViolations = [.. Details?.GetDetails<PreconditionFailure>().SelectMany(p => p.Violations).Select(v => new PreconditionViolation(v.Type, v.Subject, v.Description)) ?? []];
        var resource = Details?.GetDetail<ResourceInfo>();
        ResourceName = resource?.ResourceName is { Length: > 0 } name ? name : null;
        RetryDelay = Details?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
    }

    /// <summary>The decoded <c>grpc-status-details-bin</c> trailer; null when the server sent none.</summary>
    public Google.Rpc.Status? Details { get; }

    /// <summary><c>ErrorInfo.reason</c>, one of <c>directives.v1.ErrorReason</c> (<c>ETAG_MISMATCH</c>, <c>CROSS_PROVINCE_DENIED</c>…).</summary>
    public string? Reason { get; }

    /// <summary><c>ErrorInfo.domain</c>, <c>directives.gov.vn</c>.</summary>
    public string? Domain { get; }

    /// <summary><c>ErrorInfo.metadata</c>.</summary>
    public IReadOnlyDictionary<string, string> ErrorMetadata { get; }

    /// <summary>The message for people, in Vietnamese (<c>LocalizedMessage</c> vi-VN); the English <see cref="RpcException.Status"/> detail otherwise.</summary>
    public string? LocalizedMessage { get; }

    /// <summary>Every field violation of the <c>BadRequest</c> details.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; }

    /// <summary>Every violation of the <c>PreconditionFailure</c> details.</summary>
    public IReadOnlyList<PreconditionViolation> PreconditionViolations { get; }

    /// <summary>The resource of <c>ResourceInfo</c>.</summary>
    public string? ResourceName { get; }

    /// <summary>How long to wait before trying again (<c>RetryInfo</c>), when the server says.</summary>
    public TimeSpan? RetryDelay { get; }

    /// <summary>The typed exception for <paramref name="exception"/>'s status code.</summary>
    public static DirectivesException From(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            DirectivesException typed => typed,
            { StatusCode: StatusCode.InvalidArgument or StatusCode.OutOfRange } => new InvalidArgumentException(exception),
            { StatusCode: StatusCode.NotFound } => new NotFoundException(exception),
            { StatusCode: StatusCode.AlreadyExists or StatusCode.Aborted or StatusCode.FailedPrecondition } => new ConflictException(exception),
            { StatusCode: StatusCode.PermissionDenied } => new PermissionDeniedException(exception),
            { StatusCode: StatusCode.Unauthenticated } => new UnauthenticatedException(exception),
            { StatusCode: StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded } => new ServiceUnavailableException(exception),
            _ => new DirectivesException(exception),
        };
    }
}

/// <summary>A request field the server rejected (<c>BadRequest.FieldViolation</c>).</summary>
/// <param name="Field">The field path, <c>directive.number_and_symbol</c>.</param>
/// <param name="Description">What is wrong with it.</param>
public sealed record FieldViolation(string Field, string Description);

/// <summary>A precondition the server found unmet (<c>PreconditionFailure.Violation</c>).</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);
