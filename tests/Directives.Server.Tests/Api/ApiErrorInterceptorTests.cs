using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Api;

public sealed class ApiErrorInterceptorTests
{
    private readonly RecordingLogger<ApiErrorInterceptor> _logger = new();
    private readonly ApiErrorOptions _options = new();

    [Fact]
    public async Task Domain_validation_becomes_invalid_argument_with_request_paths()
    {
        var request = new CreateTaskRequest { Parent = "provinces/p/directives/d", Task = new Contracts.V1.Task { Number = "3.1." } };
        var exception = await FailsAsync(request, new DomainValidationException(
        [
            new FieldViolation("number", "must be 1 to 5 dot-separated numbers"),
            new FieldViolation("cooperating_agencies[0]", "is the lead agency", ErrorReasons.LeadAgencyAlsoCooperating),
            new FieldViolation("task_id", "is not a resource ID"),
            new FieldViolation("task.title", "is required"),
        ]));

        var status = ApiAssert.Error(exception, StatusCode.InvalidArgument, "INVALID_FIELD");
        Assert.Equal(
            ["task.number", "task.cooperating_agencies[0]", "task_id", "task.title"],
            status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal("Tham số không hợp lệ ở 4 trường: task.number, task.cooperating_agencies[0], task_id, task.title.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public async Task Fields_of_the_request_itself_keep_their_path()
    {
        var request = new AppointCommitteeMemberRequest { Parent = "provinces/p/committees/c", Member = new CommitteeMember() };
        var exception = await FailsAsync(request, new DomainValidationException([new FieldViolation("start_date", "is required"), new FieldViolation("person_name", "is required")]));
        var status = ApiAssert.Error(exception, StatusCode.InvalidArgument, "INVALID_FIELD");
        Assert.Equal(["start_date", "member.person_name"], status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));

        var reconstitute = new ReconstituteCommitteeRequest { Name = "provinces/p/committees/c" };
        var positions = await FailsAsync(reconstitute, new DomainValidationException(
            [new FieldViolation("members", "has no HEAD", ErrorReasons.CommitteePositionCount)]));
        var positionStatus = ApiAssert.Error(positions, StatusCode.InvalidArgument, "COMMITTEE_POSITION_COUNT");
        Assert.Equal("members", positionStatus.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task State_transitions_are_failed_preconditions_about_the_named_resource()
    {
        var request = new CompleteTaskRequest { Name = "provinces/p/directives/d/tasks/3" };
        var exception = await FailsAsync(request, new DomainRuleException(ErrorReasons.InvalidStateTransition, "A cancelled task cannot be completed."));
        var status = ApiAssert.Error(exception, StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");
        Assert.Equal("A cancelled task cannot be completed.", status.Message);
        Assert.Equal("provinces/p/directives/d/tasks/3", ApiAssert.Info(status).Metadata["resource"]);
        Assert.Equal("provinces/p/directives/d/tasks/3", status.GetDetail<PreconditionFailure>()!.Violations[0].Subject);
        Assert.Equal("Không thể thực hiện thao tác này với nhiệm vụ ở trạng thái hiện tại.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public async Task Incomplete_resources_list_the_missing_fields()
    {
        var request = new IssueDirectiveRequest { Name = "provinces/p/directives/d" };
        var exception = await FailsAsync(request, new DomainRuleException(
            ErrorReasons.IncompleteResource, "The draft lacks a signer and an issue date.", [new FieldViolation("signer", "is required"), new FieldViolation("issue_date", "is required")]));
        var status = ApiAssert.Error(exception, StatusCode.FailedPrecondition, "INCOMPLETE_RESOURCE");
        Assert.Equal(["signer", "issue_date"], status.GetDetail<PreconditionFailure>()!.Violations.Select(v => v.Subject));
        Assert.All(status.GetDetail<PreconditionFailure>()!.Violations, v => Assert.Equal("INCOMPLETE_RESOURCE", v.Type));
    }

    [Fact]
    public async Task A_missing_child_is_not_found_with_the_requested_name()
    {
        var request = new GetCommitteeMemberRequest { Name = "provinces/p/committees/c/members/m9" };
        var exception = await FailsAsync(request, new DomainRuleException(ErrorReasons.ResourceNotFound, "The committee has no member m9."));
        var status = ApiAssert.Error(exception, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal("The committee has no member m9.", status.Message);
        Assert.Equal("provinces/p/committees/c/members/m9", status.GetDetail<ResourceInfo>()!.ResourceName);
        Assert.Equal("directives.gov.vn/CommitteeMember", status.GetDetail<ResourceInfo>()!.ResourceType);
        Assert.Equal("Không tìm thấy thành viên ban chỉ đạo provinces/p/committees/c/members/m9.", ApiAssert.Vietnamese(status));
    }

    [Fact]
    public async Task Other_domain_reasons_keep_their_reason_and_documented_code()
    {
        var update = new UpdateCommitteeRequest { Committee = new SteeringCommittee { Name = "provinces/p/committees/c" } };
        var occupied = await FailsAsync(update, new DomainRuleException("POSITION_OCCUPIED", "HEAD is held."));
        var status = ApiAssert.Error(occupied, StatusCode.FailedPrecondition, "POSITION_OCCUPIED");
        Assert.Equal("provinces/p/committees/c", ApiAssert.Info(status).Metadata["resource"]);
        Assert.Equal("POSITION_OCCUPIED", status.GetDetail<PreconditionFailure>()!.Violations[0].Type);

        var novel = await FailsAsync(update, new DomainRuleException("SOMETHING_NEW", "A rule the contract does not list yet."));
        ApiAssert.Error(novel, StatusCode.FailedPrecondition, "SOMETHING_NEW");
    }

    [Fact]
    public async Task Registered_translations_map_other_layers_exceptions()
    {
        _options
            .Map<TimeoutException>((_, context) => ApiErrors.StorageUnavailable(context.ResourceName))
            .Map<IOException>((exception, _) => exception.Message == "mapped" ? ApiErrors.EtagMismatch("x") : null);
        var request = new GetAgencyRequest { Name = "provinces/p/agencies/a" };

        var timeout = await FailsAsync(request, new TimeoutException());
        Assert.Equal("provinces/p/agencies/a", ApiAssert.Info(ApiAssert.Error(timeout, StatusCode.Unavailable, "STORAGE_UNAVAILABLE")).Metadata["province"]);
        ApiAssert.Error(await FailsAsync(request, new FileNotFoundException("mapped")), StatusCode.Aborted, "ETAG_MISMATCH");

        var declined = new IOException("not mapped");
        Assert.Same(declined, await Assert.ThrowsAsync<IOException>(() => CallAsync(request, declined)));
    }

    [Fact]
    public async Task Rpc_exceptions_pass_through_untouched()
    {
        var thrown = ApiErrors.NotFound("provinces/p");
        Assert.Same(thrown, await FailsAsync(new GetProvinceRequest { Name = "provinces/p" }, thrown));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Unknown_exceptions_are_logged_and_left_to_the_transport()
    {
        var bug = new InvalidOperationException("secret detail");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(new GetAgencyRequest(), bug));
        Assert.Same(bug, thrown);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal((LogLevel.Error, "ExceptionUnmapped"), (entry.Level, entry.EventName));
        Assert.Same(bug, entry.Exception);
    }

    [Fact]
    public async Task Cancellation_of_the_call_is_not_an_error()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var interceptor = new ApiErrorInterceptor(Options.Create(_options), _logger);
        var canceled = new OperationCanceledException(cancellation.Token);
        await Assert.ThrowsAsync<OperationCanceledException>(() => interceptor.UnaryServerHandler<GetAgencyRequest, Agency>(
            new GetAgencyRequest(), new TestCallContext("/m", cancellation.Token), (_, _) => throw canceled));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Streaming_calls_are_mapped_too()
    {
        var interceptor = new ApiErrorInterceptor(Options.Create(_options), _logger);
        var context = new TestCallContext("/directives.v1.ChangeFeedService/WatchTasks");
        var serverStreaming = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<GetAgencyRequest, Agency>(
            new GetAgencyRequest { Name = "provinces/p/agencies/a" },
            null!,
            context,
            (_, _, _) => throw new DomainRuleException(ErrorReasons.ResourceNotFound, "gone")));
        Assert.Equal("provinces/p/agencies/a", ApiAssert.Error(serverStreaming, StatusCode.NotFound, "RESOURCE_NOT_FOUND").GetDetail<ResourceInfo>()!.ResourceName);

        var clientStreaming = await Assert.ThrowsAsync<RpcException>(() => interceptor.ClientStreamingServerHandler<GetAgencyRequest, Agency>(
            null!, context, (_, _) => throw new DomainValidationException("kind", "is required")));
        Assert.Equal("kind", ApiAssert.Error(clientStreaming, StatusCode.InvalidArgument, "INVALID_FIELD").GetDetail<BadRequest>()!.FieldViolations[0].Field);

        var duplex = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<GetAgencyRequest, Agency>(
            null!, null!, context, (_, _, _) => throw new DomainRuleException(ErrorReasons.InvalidStateTransition, "no")));
        ApiAssert.Error(duplex, StatusCode.FailedPrecondition, "INVALID_STATE_TRANSITION");
    }

    [Fact]
    public async Task A_handler_that_succeeds_is_not_touched()
    {
        var interceptor = new ApiErrorInterceptor(Options.Create(_options), _logger);
        var agency = new Agency { Name = "provinces/p/agencies/a" };
        Assert.Same(agency, await interceptor.UnaryServerHandler<GetAgencyRequest, Agency>(new GetAgencyRequest(), new TestCallContext("/m"), (_, _) => Task.FromResult(agency)));
    }

    [Fact]
    public void The_resource_of_a_call_is_found_in_its_request()
    {
        Assert.Equal("provinces/p/agencies/a", new ApiErrorContext("/m", new GetAgencyRequest { Name = "provinces/p/agencies/a" }).ResourceName);
        Assert.Equal("provinces/p/agencies/a", new ApiErrorContext("/m", new UpdateAgencyRequest { Agency = new Agency { Name = "provinces/p/agencies/a" } }).ResourceName);
        Assert.Equal("provinces/p", new ApiErrorContext("/m", new CreateAgencyRequest { Parent = "provinces/p", Agency = new Agency() }).ResourceName);
        Assert.Equal("", new ApiErrorContext("/m", new ListProvincesRequest()).ResourceName);
        Assert.Equal("", new ApiErrorContext("/m", null).ResourceName);
    }

    private async Task<RpcException> FailsAsync<TRequest>(TRequest request, Exception thrown)
        where TRequest : class
        => await Assert.ThrowsAsync<RpcException>(() => CallAsync(request, thrown));

    private Task<Empty> CallAsync<TRequest>(TRequest request, Exception thrown)
        where TRequest : class
    {
        var interceptor = new ApiErrorInterceptor(Options.Create(_options), _logger);
        return interceptor.UnaryServerHandler<TRequest, Empty>(request, new TestCallContext("/directives.v1.Test/Call"), (_, _) => throw thrown);
    }

    private sealed class Empty;
}
