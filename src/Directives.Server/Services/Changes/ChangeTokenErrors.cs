using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Grpc.Core;

namespace Directives.Server.Services.Changes;

/// <summary>INVALID_ARGUMENT (INVALID_CHANGE_TOKEN) for a change token this feed cannot resume from.</summary>
internal static class ChangeTokenErrors
{
    public static RpcException Invalid(string field, string description)
        => new ApiError(
                ErrorReason.InvalidChangeToken,
                $"Invalid {field}: {description}",
                "Mã theo dõi thay đổi không hợp lệ hoặc thuộc tỉnh khác; hãy tải lại danh sách rồi theo dõi từ đầu.")
            .WithMetadata("field", field)
            .WithDetail(ApiErrors.BadRequest([new FieldViolation(field, description)]))
            .ToRpcException();
}
