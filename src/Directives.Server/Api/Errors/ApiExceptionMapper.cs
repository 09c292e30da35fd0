using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Google.Rpc;
using Grpc.Core;

namespace Directives.Server.Api;

/// <summary>
/// The one place where exceptions become API errors: the domain's validation and rule exceptions,
/// then the translations registered in <see cref="ApiErrorOptions"/>. Anything else is not an API
/// error and is left alone (the transport ends the call UNKNOWN, without the exception's text).
/// </summary>
internal static class ApiExceptionMapper
{
    /// <summary>The error for <paramref name="exception"/>, or null when it is not one the API knows.</summary>
    public static RpcException? Map(Exception exception, ApiErrorContext context, ApiErrorOptions options) => exception switch
    {
        DomainValidationException validation => ApiErrors.InvalidArgument(ViolationPaths.Qualify(validation.Violations, context.Request)),
        DomainRuleException rule => FromRule(rule, context),
        _ => options.Translate(exception, context),
    };

    private static RpcException FromRule(DomainRuleException rule, ApiErrorContext context)
    {
        var resource = context.ResourceName;
        if (!ErrorReasonNames.TryParse(rule.Reason, out var reason) || reason == ErrorReason.Unspecified)
        {
            // A reason the contract does not list yet: still a precondition the caller can act on.
            return Generic(StatusCode.FailedPrecondition, rule.Reason, rule, context);
        }

        return reason switch
        {
            ErrorReason.InvalidStateTransition => ApiErrors.InvalidStateTransition(resource, "", rule.Message),
            ErrorReason.IncompleteResource => ApiErrors.IncompleteResource(resource, rule.Message, rule.Violations),
            ErrorReason.ResourceNotFound => ApiErrors.NotFound(resource, rule.Message),
            _ => Generic(ErrorReasonStatus.Of(reason), rule.Reason, rule, context),
        };
    }

    private static RpcException Generic(StatusCode code, string reason, DomainRuleException rule, ApiErrorContext context)
    {
        var resource = context.ResourceName;
        var error = new ApiError(code, reason, rule.Message, GenericVietnamese(code)).WithMetadata("resource", resource);
        if (code == StatusCode.FailedPrecondition)
        {
            var failure = new PreconditionFailure();
            failure.Violations.Add(new PreconditionFailure.Types.Violation
            {
                Type = reason,
                Subject = string.IsNullOrEmpty(resource) ? "resource" : resource,
                Description = rule.Message,
            });
            error.WithDetail(failure);
        }
        else if (code == StatusCode.InvalidArgument && rule.Violations.Count > 0)
        {
            error.WithDetail(ApiErrors.BadRequest(ViolationPaths.Qualify(rule.Violations, context.Request)));
        }

        return error.ToRpcException();
    }

    private static string GenericVietnamese(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "Tham số không hợp lệ.",
        StatusCode.NotFound => "Không tìm thấy dữ liệu được yêu cầu.",
        StatusCode.AlreadyExists => "Dữ liệu đã tồn tại.",
        StatusCode.FailedPrecondition => "Không thể thực hiện thao tác này với trạng thái hiện tại của dữ liệu.",
        _ => "Không thực hiện được yêu cầu.",
    };
}
