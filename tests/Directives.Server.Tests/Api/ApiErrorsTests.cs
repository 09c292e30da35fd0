using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Server.Tests.Api;

public sealed class ApiErrorsTests
{
    [Fact]
    public void Not_found_names_the_resource_in_english_vietnamese_metadata_and_resource_info()
    {
        var status = ApiAssert.Error(ApiErrors.NotFound("provinces/hung-yen/directives/2024-38-ct-tu"), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("The directive provinces/hung-yen/directives/2024-38-ct-tu was not found.", status.Message);
        Assert.Equal("Không tìm thấy văn bản chỉ đạo provinces/hung-yen/directives/2024-38-ct-tu.", ApiAssert.Vietnamese(status));
        Assert.Equal("provinces/hung-yen/directives/2024-38-ct-tu", ApiAssert.Info(status).Metadata["resource"]);
        var info = status.GetDetail<ResourceInfo>()!;
        Assert.Equal("directives.gov.vn/Directive", info.ResourceType);
        Assert.Equal("provinces/hung-yen/directives/2024-38-ct-tu", info.ResourceName);
    }

    [Theory]
    [InlineData("provinces/p", "Không tìm thấy tỉnh provinces/p.")]
    [InlineData("provinces/p/agencies/a", "Không tìm thấy cơ quan provinces/p/agencies/a.")]
    [InlineData("provinces/p/directives/d/tasks/t", "Không tìm thấy nhiệm vụ provinces/p/directives/d/tasks/t.")]
    [InlineData("provinces/p/directives/d/tasks/t/reports/r", "Không tìm thấy báo cáo tiến độ provinces/p/directives/d/tasks/t/reports/r.")]
    [InlineData("provinces/p/committees/c", "Không tìm thấy ban chỉ đạo provinces/p/committees/c.")]
    [InlineData("provinces/p/committees/c/members/m", "Không tìm thấy thành viên ban chỉ đạo provinces/p/committees/c/members/m.")]
    [InlineData("provinces/p/committees/c/compositions/x", "Không tìm thấy thành phần ban chỉ đạo provinces/p/committees/c/compositions/x.")]
    [InlineData("provinces/p/things/x", "Không tìm thấy tài nguyên provinces/p/things/x.")]
    [InlineData("", "Không tìm thấy dữ liệu được yêu cầu.")]
    public void Not_found_speaks_of_each_resource_in_vietnamese(string name, string vietnamese)
        => Assert.Equal(vietnamese, ApiAssert.Vietnamese(ApiAssert.Error(ApiErrors.NotFound(name), StatusCode.NotFound, "RESOURCE_NOT_FOUND")));

    [Fact]
    public void Already_exists_and_duplicate_numbers_name_the_other_resource()
    {
        var exists = ApiAssert.Error(ApiErrors.AlreadyExists("provinces/p/agencies/cong-an-tinh"), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        Assert.Equal("Cơ quan provinces/p/agencies/cong-an-tinh đã tồn tại.", ApiAssert.Vietnamese(exists));
        Assert.Equal("directives.gov.vn/Agency", exists.GetDetail<ResourceInfo>()!.ResourceType);

        var directive = ApiAssert.Error(ApiErrors.DuplicateNumber("provinces/p/directives/d"), StatusCode.AlreadyExists, "DUPLICATE_NUMBER");
        Assert.Equal("Số, ký hiệu đã được dùng cho văn bản chỉ đạo provinces/p/directives/d.", ApiAssert.Vietnamese(directive));
        Assert.Equal("The number and symbol is already used by the directive provinces/p/directives/d.", directive.Message);
        var task = ApiAssert.Error(ApiErrors.DuplicateNumber("provinces/p/directives/d/tasks/3"), StatusCode.AlreadyExists, "DUPLICATE_NUMBER");
        Assert.Equal("Số thứ tự đã được dùng cho nhiệm vụ provinces/p/directives/d/tasks/3.", ApiAssert.Vietnamese(task));
        Assert.Equal("provinces/p/directives/d/tasks/3", ApiAssert.Info(task).Metadata["resource"]);

        var reused = ApiAssert.Error(ApiErrors.RequestIdReused("123e4567-e89b-12d3-a456-426614174000"), StatusCode.AlreadyExists, "REQUEST_ID_REUSED");
        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", ApiAssert.Info(reused).Metadata["request_id"]);
    }

    [Fact]
    public void Field_violations_keep_every_field_and_take_a_shared_specific_reason()
    {
        var one = ApiAssert.Error(ApiErrors.InvalidField("directive.subject", "is required"), StatusCode.InvalidArgument, "INVALID_FIELD");
        Assert.Equal("Invalid directive.subject: is required", one.Message);
        Assert.Equal("Tham số không hợp lệ: trường directive.subject.", ApiAssert.Vietnamese(one));
        Assert.Equal("directive.subject", ApiAssert.Info(one).Metadata["field"]);

        var shared = ApiAssert.Error(
            ApiErrors.InvalidArgument([new FieldViolation("task.cooperating_agencies[1]", "is the lead agency", ErrorReasons.LeadAgencyAlsoCooperating)]),
            StatusCode.InvalidArgument,
            "LEAD_AGENCY_ALSO_COOPERATING");
        Assert.Equal("task.cooperating_agencies[1]", shared.GetDetail<BadRequest>()!.FieldViolations[0].Field);

        var mixed = ApiAssert.Error(
            ApiErrors.InvalidArgument(
            [
                new FieldViolation("task.cooperating_agencies[1]", "is the lead agency", ErrorReasons.LeadAgencyAlsoCooperating),
                new FieldViolation("task.title", "is required"),
            ]),
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        Assert.Equal("2 invalid fields: task.cooperating_agencies[1]: is the lead agency; task.title: is required", mixed.Message);
        Assert.Equal("Tham số không hợp lệ ở 2 trường: task.cooperating_agencies[1], task.title.", ApiAssert.Vietnamese(mixed));
        Assert.False(ApiAssert.Info(mixed).Metadata.ContainsKey("field"));
        Assert.Equal(2, mixed.GetDetail<BadRequest>()!.FieldViolations.Count);

        Assert.Throws<ArgumentOutOfRangeException>(() => ApiErrors.InvalidArgument([]));
    }

    [Fact]
    public void References_to_missing_or_merged_agencies()
    {
        var unknown = ApiAssert.Error(ApiErrors.UnknownReference("task.lead_agency", "provinces/p/agencies/x"), StatusCode.InvalidArgument, "UNKNOWN_REFERENCE");
        Assert.Equal("provinces/p/agencies/x", ApiAssert.Info(unknown).Metadata["resource"]);
        Assert.Equal("task.lead_agency", unknown.GetDetail<BadRequest>()!.FieldViolations[0].Field);

        var merged = ApiAssert.Error(ApiErrors.AgencyMerged("task.lead_agency", "provinces/p/agencies/a", "provinces/p/agencies/b"), StatusCode.InvalidArgument, "AGENCY_MERGED");
        Assert.Equal("provinces/p/agencies/b", ApiAssert.Info(merged).Metadata["merged_into"]);
        Assert.Equal("Cơ quan provinces/p/agencies/a đã được hợp nhất vào provinces/p/agencies/b; hãy dùng cơ quan mới.", ApiAssert.Vietnamese(merged));
    }

    [Fact]
    public void Preconditions_list_what_failed()
    {
        var transition = ApiAssert.Error(
            ApiErrors.InvalidStateTransition("provinces/p/directives/d/tasks/t", "CANCELLED", "A cancelled task cannot be completed."),
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        Assert.Equal("A cancelled task cannot be completed.", transition.Message);
        Assert.Equal("CANCELLED", ApiAssert.Info(transition).Metadata["state"]);
        Assert.Equal("Không thể thực hiện thao tác này với nhiệm vụ ở trạng thái hiện tại (CANCELLED).", ApiAssert.Vietnamese(transition));
        var violation = Assert.Single(transition.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("INVALID_STATE_TRANSITION", "provinces/p/directives/d/tasks/t"), (violation.Type, violation.Subject));

        var incomplete = ApiAssert.Error(
            ApiErrors.IncompleteResource("provinces/p/directives/d", "The draft lacks what issuing needs.", [new FieldViolation("signer", "is required"), new FieldViolation("issue_date", "is required")]),
            StatusCode.FailedPrecondition,
            "INCOMPLETE_RESOURCE");
        Assert.Equal(["signer", "issue_date"], incomplete.GetDetail<PreconditionFailure>()!.Violations.Select(v => v.Subject));
        Assert.Equal("Văn bản chỉ đạo còn thiếu dữ liệu: signer, issue_date.", ApiAssert.Vietnamese(incomplete));

        ApiAssert.Error(ApiErrors.ResourceDeleted("provinces/p/directives/d"), StatusCode.FailedPrecondition, "RESOURCE_DELETED");
        var parent = ApiAssert.Error(ApiErrors.ParentDeleted("provinces/p/directives/d"), StatusCode.FailedPrecondition, "PARENT_DELETED");
        Assert.Equal("provinces/p/directives/d", ApiAssert.Info(parent).Metadata["parent"]);
        ApiAssert.Error(ApiErrors.HasDependents("provinces/p/directives/d/tasks/3", "Task 3 has open sub-tasks."), StatusCode.FailedPrecondition, "HAS_DEPENDENTS");
        var occupied = ApiAssert.Error(ApiErrors.PositionOccupied("HEAD", "provinces/p/committees/c/members/m"), StatusCode.FailedPrecondition, "POSITION_OCCUPIED");
        Assert.Equal("HEAD", ApiAssert.Info(occupied).Metadata["position"]);
        ApiAssert.Error(ApiErrors.ChangeTokenExpired(), StatusCode.FailedPrecondition, "CHANGE_TOKEN_EXPIRED");
    }

    [Fact]
    public void Provinces_read_only_disabled_or_unknown()
    {
        var readOnly = ApiAssert.Error(ApiErrors.ProvinceReadOnly("tien-giang", "provinces/dong-thap"), StatusCode.FailedPrecondition, "PROVINCE_READ_ONLY");
        Assert.Equal("provinces/dong-thap", ApiAssert.Info(readOnly).Metadata["successor"]);
        Assert.Equal("Tỉnh tien-giang chỉ cho phép xem (đã hợp nhất vào provinces/dong-thap); không thể thay đổi dữ liệu.", ApiAssert.Vietnamese(readOnly));
        Assert.Equal("provinces/tien-giang", readOnly.GetDetail<PreconditionFailure>()!.Violations[0].Subject);
        var alone = ApiAssert.Error(ApiErrors.ProvinceReadOnly("x", null), StatusCode.FailedPrecondition, "PROVINCE_READ_ONLY");
        Assert.False(ApiAssert.Info(alone).Metadata.ContainsKey("successor"));

        var disabled = ApiAssert.Error(ApiErrors.ProvinceDisabled("hai-duong"), StatusCode.FailedPrecondition, "PROVINCE_DISABLED");
        Assert.Equal("Tỉnh hai-duong đã bị vô hiệu hóa.", ApiAssert.Vietnamese(disabled));
        var unknown = ApiAssert.Error(ApiErrors.ProvinceNotFound("atlantis"), StatusCode.NotFound, "PROVINCE_NOT_FOUND");
        Assert.Equal("provinces/atlantis", unknown.GetDetail<ResourceInfo>()!.ResourceName);
        var unavailable = ApiAssert.Error(ApiErrors.StorageUnavailable("nam-dinh"), StatusCode.Unavailable, "STORAGE_UNAVAILABLE");
        Assert.Equal("nam-dinh", ApiAssert.Info(unavailable).Metadata["province"]);
    }

    [Fact]
    public void Authentication_and_permission()
    {
        ApiAssert.Error(ApiErrors.TokenMissing(), StatusCode.Unauthenticated, "TOKEN_MISSING");
        var invalid = ApiAssert.Error(ApiErrors.TokenInvalid("the token expired"), StatusCode.Unauthenticated, "TOKEN_INVALID");
        Assert.Equal("The bearer token is invalid: the token expired", invalid.Message);
        var mismatch = ApiAssert.Error(ApiErrors.ProvinceMismatch("nam-dinh"), StatusCode.PermissionDenied, "PROVINCE_MISMATCH");
        Assert.Equal("nam-dinh", ApiAssert.Info(mismatch).Metadata["province"]);
        var role = ApiAssert.Error(ApiErrors.RoleRequired("directives.v1.TaskService/CreateTask", ["secretariat"]), StatusCode.PermissionDenied, "ROLE_REQUIRED");
        Assert.Equal("secretariat", ApiAssert.Info(role).Metadata["required_roles"]);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này; cần một trong các vai trò: secretariat.", ApiAssert.Vietnamese(role));
        var noRoles = ApiAssert.Error(ApiErrors.RoleRequired("m", []), StatusCode.PermissionDenied, "ROLE_REQUIRED");
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", ApiAssert.Vietnamese(noRoles));
        ApiAssert.Error(ApiErrors.AgencyNotAssigned("provinces/p/agencies/a"), StatusCode.PermissionDenied, "AGENCY_NOT_ASSIGNED");
        ApiAssert.Error(ApiErrors.CrossProvinceDenied(), StatusCode.PermissionDenied, "CROSS_PROVINCE_DENIED");
    }

    [Fact]
    public void Rate_limits_say_when_to_retry()
    {
        var status = ApiAssert.Error(ApiErrors.RateLimited("province", TimeSpan.FromSeconds(2.2)), StatusCode.ResourceExhausted, "RATE_LIMITED");
        Assert.Equal(TimeSpan.FromSeconds(2.2), status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
        Assert.Equal("province", ApiAssert.Info(status).Metadata["scope"]);
        Assert.Equal("Có quá nhiều yêu cầu; vui lòng thử lại sau 3 giây.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public void Every_reason_has_the_status_code_errors_proto_documents()
    {
        var proto = File.ReadAllLines(RepositoryFile("protos/directives/v1/errors.proto"));
        var documented = new Dictionary<string, string>();
        string? comment = null;
        foreach (var line in proto.Select(l => l.Trim()))
        {
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                comment ??= line[2..].Trim().Split('.')[0];
            }
            else if (line.Contains(" = ", StringComparison.Ordinal) && line.EndsWith(';'))
            {
                documented[line.Split(' ')[0]] = comment!;
                comment = null;
            }
            else
            {
                comment = null;
            }
        }

        foreach (var reason in Enum.GetValues<ErrorReason>().Where(r => r != ErrorReason.Unspecified))
        {
            var name = ErrorReasonNames.Of(reason);
            var code = ErrorReasonStatus.Of(reason);
            Assert.Equal(documented[name], System.Text.RegularExpressions.Regex.Replace(code.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToUpperInvariant());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorReasonStatus.Of(ErrorReason.Unspecified));
        Assert.True(ErrorReasonNames.TryParse("ETAG_MISMATCH", out var parsed));
        Assert.Equal(ErrorReason.EtagMismatch, parsed);
        Assert.False(ErrorReasonNames.TryParse("EtagMismatch", out _));
    }

    [Fact]
    public void A_huge_message_still_carries_its_status_code()
    {
        var exception = ApiErrors.InvalidField("body", new string('x', 20_000));
        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Null(exception.GetRpcStatus()); // over the 8 KiB bound even without details: code and message still travel in grpc-status and grpc-message
    }

    private static string RepositoryFile(string path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(path);
    }
}
