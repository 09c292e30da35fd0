using System.Globalization;
using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Directives.Server.Api;

/// <summary>
/// The API's errors, one factory per <see cref="ErrorReason"/>: each returns the
/// <see cref="RpcException"/> to throw, with the English message, the vi-VN LocalizedMessage, the
/// ErrorInfo and the details that reason calls for. Service code throws these, or domain exceptions
/// that <see cref="ApiExceptionMapper"/> turns into these.
/// </summary>
internal static class ApiErrors
{
    private const string ResourceKey = "resource";

    // INVALID_ARGUMENT

    public static RpcException InvalidField(string field, string description) => InvalidArgument([new FieldViolation(field, description)]);

    /// <summary>
    /// INVALID_ARGUMENT with a BadRequest listing every violation. The ErrorInfo reason is the
    /// violations' own specific reason when they all share one, otherwise INVALID_FIELD.
    /// </summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var reason = violations[0].Reason;
        foreach (var violation in violations)
        {
            if (violation.Reason != reason)
            {
                reason = null;
                break;
            }
        }

        var (message, vietnamese) = violations.Count == 1
            ? ($"Invalid {violations[0].Field}: {violations[0].Description}", $"Tham số không hợp lệ: trường {violations[0].Field}.")
            : (
                $"{violations.Count} invalid fields: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
                $"Tham số không hợp lệ ở {violations.Count} trường: " + string.Join(", ", violations.Select(v => v.Field).Distinct()) + ".");
        var error = reason is not null && ErrorReasonNames.TryParse(reason, out var specific)
            ? new ApiError(specific, message, vietnamese)
            : new ApiError(ErrorReason.InvalidField, message, vietnamese);
        var fields = violations.Select(v => v.Field).Distinct().ToArray();
        return error
            .WithMetadata("field", fields.Length == 1 ? fields[0] : null)
            .WithDetail(BadRequest(violations))
            .ToRpcException();
    }

    public static RpcException InvalidResourceName(string field, string description)
        => BadRequestError(
            ErrorReason.InvalidResourceName,
            field,
            description,
            $"Tên tài nguyên ở trường {field} không hợp lệ.");

    /// <summary><paramref name="position"/> is the 1-based character position in the filter where the problem is.</summary>
    public static RpcException InvalidFilter(string description, int position)
        => BadRequestError(
            ErrorReason.InvalidFilter,
            "filter",
            description,
            position > 0
                ? $"Biểu thức lọc (filter) không hợp lệ tại vị trí {position}."
                : "Biểu thức lọc (filter) không hợp lệ.");

    public static RpcException InvalidOrderBy(string description, IEnumerable<string> allowedFields)
        => BadRequestError(
            ErrorReason.InvalidOrderBy,
            "order_by",
            description,
            $"Tiêu chí sắp xếp (order_by) không hợp lệ; các trường được phép: {string.Join(", ", allowedFields)}.");

    public static RpcException InvalidPageToken(string description)
        => BadRequestError(
            ErrorReason.InvalidPageToken,
            "page_token",
            description,
            "Mã trang (page_token) không hợp lệ hoặc không dùng được với các tham số này của yêu cầu; hãy tải lại từ trang đầu.");

    public static RpcException UnknownReference(string field, string resource)
        => new ApiError(
                ErrorReason.UnknownReference,
                $"Invalid {field}: {resource} does not exist, is deleted, or belongs to another province.",
                $"Trường {field} tham chiếu đến {resource}, không tồn tại, đã bị xóa hoặc thuộc tỉnh khác.")
            .WithMetadata("field", field)
            .WithMetadata(ResourceKey, resource)
            .WithDetail(BadRequest([new FieldViolation(field, $"{resource} does not exist, is deleted, or belongs to another province")]))
            .ToRpcException();

    public static RpcException AgencyMerged(string field, string agency, string mergedInto)
        => new ApiError(
                ErrorReason.AgencyMerged,
                $"Invalid {field}: agency {agency} has been merged into {mergedInto}.",
                $"Cơ quan {agency} đã được hợp nhất vào {mergedInto}; hãy dùng cơ quan mới.")
            .WithMetadata("field", field)
            .WithMetadata("agency", agency)
            .WithMetadata("merged_into", mergedInto)
            .WithDetail(BadRequest([new FieldViolation(field, $"agency {agency} has been merged into {mergedInto}")]))
            .ToRpcException();

    // NOT_FOUND

    /// <summary>NOT_FOUND for <paramref name="resourceName"/>; <paramref name="message"/> replaces the English message when the name alone does not say enough.</summary>
    public static RpcException NotFound(string resourceName, string? message = null)
    {
        var (type, noun, vietnameseNoun) = Describe(resourceName);
        return new ApiError(
                ErrorReason.ResourceNotFound,
                message ?? $"The {noun} {resourceName} was not found.",
                string.IsNullOrEmpty(resourceName) ? "Không tìm thấy dữ liệu được yêu cầu." : $"Không tìm thấy {vietnameseNoun} {resourceName}.")
            .WithMetadata(ResourceKey, resourceName)
            .WithDetail(new ResourceInfo { ResourceType = type, ResourceName = resourceName, Description = message ?? "not found" })
            .ToRpcException();
    }

    public static RpcException ProvinceNotFound(string province)
        => new ApiError(
                ErrorReason.ProvinceNotFound,
                $"No province has the ID {province}.",
                $"Không tìm thấy tỉnh {province}.")
            .WithMetadata("province", province)
            .WithDetail(new ResourceInfo
            {
                ResourceType = ProvinceName.Pattern.Type,
                ResourceName = ProvinceName.Pattern.Format(province),
                Description = "not found",
            })
            .ToRpcException();

    // ALREADY_EXISTS

    public static RpcException AlreadyExists(string resourceName)
    {
        var (type, noun, vietnameseNoun) = Describe(resourceName);
        return new ApiError(
                ErrorReason.ResourceAlreadyExists,
                $"The {noun} {resourceName} already exists.",
                Sentence($"{vietnameseNoun} {resourceName} đã tồn tại."))
            .WithMetadata(ResourceKey, resourceName)
            .WithDetail(new ResourceInfo { ResourceType = type, ResourceName = resourceName, Description = "already exists" })
            .ToRpcException();
    }

    /// <summary>Another directive has the same number and symbol in the year, or another task of the directive the same number.</summary>
    public static RpcException DuplicateNumber(string existingResourceName)
    {
        var pattern = ResourcePatterns.Of(existingResourceName);
        var (type, noun, vietnameseNoun) = Describe(existingResourceName);
        var (number, vietnameseNumber) = pattern == DirectiveName.Pattern
            ? ("number and symbol", "Số, ký hiệu")
            : pattern == TaskName.Pattern ? ("number", "Số thứ tự") : ("number", "Số hiệu");
        return new ApiError(
                ErrorReason.DuplicateNumber,
                $"The {number} is already used by the {noun} {existingResourceName}.",
                $"{vietnameseNumber} đã được dùng cho {vietnameseNoun} {existingResourceName}.")
            .WithMetadata(ResourceKey, existingResourceName)
            .WithDetail(new ResourceInfo { ResourceType = type, ResourceName = existingResourceName, Description = $"has the same {number}" })
            .ToRpcException();
    }

    public static RpcException RequestIdReused(string requestId)
        => new ApiError(
                ErrorReason.RequestIdReused,
                $"The request_id {requestId} was already used for a different request.",
                $"Mã yêu cầu (request_id) {requestId} đã được dùng cho một yêu cầu khác.")
            .WithMetadata("request_id", requestId)
            .ToRpcException();

    // ABORTED

    public static RpcException EtagMismatch(string resourceName)
        => new ApiError(
                ErrorReason.EtagMismatch,
                $"The etag is not the current etag of {resourceName}: read it again and retry.",
                "Dữ liệu đã bị người khác thay đổi; hãy tải lại và thử lại.")
            .WithMetadata(ResourceKey, resourceName)
            .ToRpcException();

    // FAILED_PRECONDITION

    public static RpcException InvalidStateTransition(string resourceName, string state, string description)
    {
        var (_, _, vietnameseNoun) = Describe(resourceName);
        var subject = string.IsNullOrEmpty(resourceName) ? "resource" : resourceName;
        return new ApiError(
                ErrorReason.InvalidStateTransition,
                description,
                string.IsNullOrEmpty(state)
                    ? $"Không thể thực hiện thao tác này với {vietnameseNoun} ở trạng thái hiện tại."
                    : $"Không thể thực hiện thao tác này với {vietnameseNoun} ở trạng thái hiện tại ({state}).")
            .WithMetadata(ResourceKey, resourceName)
            .WithMetadata("state", state)
            .WithDetail(Precondition(ErrorReason.InvalidStateTransition, [(subject, description)]))
            .ToRpcException();
    }

    /// <summary>The stored resource lacks data the method needs; <paramref name="missing"/> lists it.</summary>
    public static RpcException IncompleteResource(string resourceName, string message, IReadOnlyList<FieldViolation> missing)
    {
        var (_, _, vietnameseNoun) = Describe(resourceName);
        return new ApiError(
                ErrorReason.IncompleteResource,
                message,
                Sentence($"{vietnameseNoun} còn thiếu dữ liệu: {string.Join(", ", missing.Select(m => m.Field))}."))
            .WithMetadata(ResourceKey, resourceName)
            .WithDetail(Precondition(ErrorReason.IncompleteResource, [.. missing.Select(m => (m.Field, m.Description))]))
            .ToRpcException();
    }

    public static RpcException ResourceDeleted(string resourceName)
    {
        var (_, noun, vietnameseNoun) = Describe(resourceName);
        return Precondition(
            ErrorReason.ResourceDeleted,
            ResourceKey,
            resourceName,
            $"The {noun} {resourceName} is deleted; undelete it first.",
            Sentence($"{vietnameseNoun} {resourceName} đã bị xóa; hãy khôi phục trước."));
    }

    public static RpcException ParentDeleted(string parentName)
    {
        var (_, noun, vietnameseNoun) = Describe(parentName);
        return Precondition(
            ErrorReason.ParentDeleted,
            "parent",
            parentName,
            $"The parent {noun} {parentName} is deleted; undelete it first.",
            Sentence($"{vietnameseNoun} {parentName} chứa tài nguyên này đã bị xóa; hãy khôi phục trước."));
    }

    public static RpcException HasDependents(string resourceName, string description)
    {
        var (_, _, vietnameseNoun) = Describe(resourceName);
        return Precondition(
            ErrorReason.HasDependents,
            ResourceKey,
            resourceName,
            description,
            Sentence($"{vietnameseNoun} {resourceName} vẫn còn dữ liệu phụ thuộc; hãy xử lý chúng trước hoặc dùng tùy chọn force."));
    }

    public static RpcException PositionOccupied(string position, string member)
        => new ApiError(
                ErrorReason.PositionOccupied,
                $"The position {position} is already held by {member} on that date.",
                $"Chức danh {position} đã có người đảm nhiệm vào ngày đó ({member}).")
            .WithMetadata("position", position)
            .WithMetadata("member", member)
            .WithDetail(Precondition(ErrorReason.PositionOccupied, [(member, $"holds {position}")]))
            .ToRpcException();

    public static RpcException ChangeTokenExpired()
        => new ApiError(
                ErrorReason.ChangeTokenExpired,
                "The change token is older than the change feed keeps: list the resources again.",
                "Mã theo dõi thay đổi đã quá cũ; hãy tải lại danh sách rồi tiếp tục.")
            .ToRpcException();

    public static RpcException ProvinceReadOnly(string province, string? successor)
        => new ApiError(
                ErrorReason.ProvinceReadOnly,
                string.IsNullOrEmpty(successor)
                    ? $"Province {province} is read-only."
                    : $"Province {province} is read-only; it is now part of {successor}.",
                string.IsNullOrEmpty(successor)
                    ? $"Tỉnh {province} chỉ cho phép xem; không thể thay đổi dữ liệu."
                    : $"Tỉnh {province} chỉ cho phép xem (đã hợp nhất vào {successor}); không thể thay đổi dữ liệu.")
            .WithMetadata("province", province)
            .WithMetadata("successor", successor)
            .WithDetail(Precondition(ErrorReason.ProvinceReadOnly, [(ProvinceName.Pattern.Format(province), "is read-only")]))
            .ToRpcException();

    public static RpcException ProvinceDisabled(string province)
        => new ApiError(
                ErrorReason.ProvinceDisabled,
                $"Province {province} is disabled.",
                $"Tỉnh {province} đã bị vô hiệu hóa.")
            .WithMetadata("province", province)
            .WithDetail(Precondition(ErrorReason.ProvinceDisabled, [(ProvinceName.Pattern.Format(province), "is disabled")]))
            .ToRpcException();

    // UNAUTHENTICATED

    public static RpcException TokenMissing()
        => new ApiError(
                ErrorReason.TokenMissing,
                "A bearer token with a province is required.",
                "Yêu cầu chưa được xác thực: thiếu mã truy cập (bearer token).")
            .ToRpcException();

    public static RpcException TokenInvalid(string description)
        => new ApiError(
                ErrorReason.TokenInvalid,
                $"The bearer token is invalid: {description}",
                "Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.")
            .ToRpcException();

    // PERMISSION_DENIED

    public static RpcException ProvinceMismatch(string province)
        => new ApiError(
                ErrorReason.ProvinceMismatch,
                $"The request names province {province}, which is not the caller's.",
                $"Yêu cầu nêu tỉnh {province}, không phải tỉnh của người dùng.")
            .WithMetadata("province", province)
            .ToRpcException();

    public static RpcException RoleRequired(string method, IReadOnlyList<string> requiredRoles)
        => new ApiError(
                ErrorReason.RoleRequired,
                requiredRoles.Count == 0
                    ? $"The caller's roles do not allow {method}."
                    : $"The caller's roles do not allow {method}; it needs one of: {string.Join(", ", requiredRoles)}.",
                requiredRoles.Count == 0
                    ? "Bạn không có quyền thực hiện thao tác này."
                    : $"Bạn không có quyền thực hiện thao tác này; cần một trong các vai trò: {string.Join(", ", requiredRoles)}.")
            .WithMetadata("method", method)
            .WithMetadata("required_roles", string.Join(",", requiredRoles))
            .ToRpcException();

    public static RpcException AgencyNotAssigned(string agency)
        => new ApiError(
                ErrorReason.AgencyNotAssigned,
                $"Agency {agency} neither leads nor cooperates on this task.",
                $"Cơ quan {agency} không chủ trì hay phối hợp thực hiện nhiệm vụ này.")
            .WithMetadata("agency", agency)
            .ToRpcException();

    public static RpcException CrossProvinceDenied()
        => new ApiError(
                ErrorReason.CrossProvinceDenied,
                "Only callers with the ministry role may read across provinces (provinces/-).",
                "Chỉ tài khoản cấp Bộ mới được xem dữ liệu của tất cả các tỉnh (provinces/-).")
            .ToRpcException();

    // RESOURCE_EXHAUSTED, UNAVAILABLE

    /// <summary><paramref name="scope"/> is <c>caller</c> or <c>province</c>.</summary>
    public static RpcException RateLimited(string scope, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        return new ApiError(
                ErrorReason.RateLimited,
                $"Too many requests from this {scope}; retry in {seconds.ToString(CultureInfo.InvariantCulture)} s.",
                $"Có quá nhiều yêu cầu; vui lòng thử lại sau {seconds.ToString(CultureInfo.InvariantCulture)} giây.")
            .WithMetadata("scope", scope)
            .WithDetail(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter) })
            .ToRpcException();
    }

    public static RpcException StorageUnavailable(string province)
        => new ApiError(
                ErrorReason.StorageUnavailable,
                $"The storage of province {province} did not answer; retry with backoff.",
                $"Không kết nối được với cơ sở dữ liệu của tỉnh {province}; vui lòng thử lại sau.")
            .WithMetadata("province", province)
            .ToRpcException();

    internal static (string Type, string Noun, string VietnameseNoun) Describe(string resourceName)
    {
        var pattern = string.IsNullOrEmpty(resourceName) ? null : ResourcePatterns.Of(resourceName);
        return pattern is null ? ("", "resource", "tài nguyên") : (pattern.Type, pattern.EnglishNoun, pattern.VietnameseNoun);
    }

    internal static BadRequest BadRequest(IEnumerable<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        }

        return badRequest;
    }

    private static RpcException BadRequestError(ErrorReason reason, string field, string description, string vietnamese)
        => new ApiError(reason, $"Invalid {field}: {description}", vietnamese)
            .WithMetadata("field", field)
            .WithDetail(BadRequest([new FieldViolation(field, description)]))
            .ToRpcException();

    private static RpcException Precondition(ErrorReason reason, string key, string subject, string message, string vietnamese)
        => new ApiError(reason, message, vietnamese)
            .WithMetadata(key, subject)
            .WithDetail(Precondition(reason, [(subject, message)]))
            .ToRpcException();

    private static PreconditionFailure Precondition(ErrorReason reason, IEnumerable<(string Subject, string Description)> violations)
    {
        var failure = new PreconditionFailure();
        var type = ErrorReasonNames.Of(reason);
        foreach (var (subject, description) in violations)
        {
            failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description });
        }

        return failure;
    }

    // Vietnamese nouns are lower case mid-sentence; a sentence that starts with one needs its capital.
    private static string Sentence(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
