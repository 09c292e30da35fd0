using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Transport.TestHost;

/// <summary>The rich status that <c>Fail</c> raises: one detail of each standard kind.</summary>
public static class RichErrors
{
    public const string Message = "The task can't be completed: its reports are missing.";

    public static RpcException TaskNotCompletable(int paddingBytes) =>
        new RpcStatusBuilder(StatusCode.FailedPrecondition, Message)
            .AddDetail(new ErrorInfo
            {
                // Google.Api.CommonProtos 2.0.0 names field 1 "type"; today's error_details.proto calls it "reason".
                Type = "TASK_REPORTS_MISSING",
                Domain = "directives.gov.vn",
                Metadata = { ["task"] = "provinces/hung-yen/directives/38-CT-TU/tasks/3.1", ["padding"] = new string('x', paddingBytes) },
            })
            .AddDetail(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "task.state", Description = "Must be in progress." } } })
            .AddDetail(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "REPORTS", Subject = "tasks/3.1", Description = "No final report." } } })
            .AddDetail(new ResourceInfo { ResourceType = "directives.v1.Task", ResourceName = "provinces/hung-yen/directives/38-CT-TU/tasks/3.1", Owner = "hung-yen" })
            .AddDetail(new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = "province:hung-yen", Description = "Daily report quota." } } })
            .AddDetail(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) })
            .AddDetail(new LocalizedMessage { Locale = "vi-VN", Message = "Không thể hoàn thành nhiệm vụ: thiếu báo cáo." })
            .ToRpcException();
}
