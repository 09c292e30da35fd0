using Directives.Transport.TestHost;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Transport.Services.Tests.RichStatus;

public class RpcStatusRoundTripTests
{
    [Fact]
    public void EveryStandardDetailRoundTripsThroughTheTrailer()
    {
        var exception = RichErrors.TaskNotCompletable(paddingBytes: 0);

        var status = exception.GetRpcStatus();

        Assert.NotNull(status);
        Assert.Equal("TASK_REPORTS_MISSING", status.GetDetail<ErrorInfo>()!.Type);
        Assert.Equal("task.state", status.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
        Assert.Equal("REPORTS", status.GetDetail<PreconditionFailure>()!.Violations.Single().Type);
        Assert.Equal("hung-yen", status.GetDetail<ResourceInfo>()!.Owner);
        Assert.Equal("province:hung-yen", status.GetDetail<QuotaFailure>()!.Violations.Single().Subject);
        Assert.Equal(TimeSpan.FromSeconds(30), status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
        Assert.Equal("vi-VN", status.GetDetail<LocalizedMessage>()!.Locale);
        Assert.Null(status.GetDetail<DebugInfo>());
    }

    [Fact]
    public void TheStatusCodeAndMessageAreTheExceptions()
    {
        var exception = new RpcStatusBuilder(StatusCode.NotFound, "Directive not found.")
            .AddDetail(new ResourceInfo { ResourceName = "provinces/nam-dinh/directives/15-CT-UBND" })
            .ToRpcException();

        var status = exception.GetRpcStatus()!;

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("Directive not found.", exception.Status.Detail);
        Assert.Equal((int)exception.StatusCode, status.Code);
        Assert.Equal(exception.Status.Detail, status.Message);
    }

    [Fact]
    public void GetDetailsReturnsEveryDetailOfAType()
    {
        var status = new RpcStatusBuilder(StatusCode.InvalidArgument, "Two fields are wrong.")
            .AddDetail(new LocalizedMessage { Locale = "vi-VN", Message = "Hai trường sai." })
            .AddDetail(new LocalizedMessage { Locale = "en-US", Message = "Two fields are wrong." })
            .Build();

        Assert.Equal(["vi-VN", "en-US"], status.GetDetails<LocalizedMessage>().Select(m => m.Locale));
    }

    [Fact]
    public void AnOkStatusCantCarryDetails() =>
        Assert.Throws<ArgumentException>(() => new RpcStatusBuilder(StatusCode.OK, ""));

    [Fact]
    public void SetRpcStatusReplacesAnEarlierStatus()
    {
        var trailers = new Metadata();
        trailers.SetRpcStatus(new Google.Rpc.Status { Code = (int)StatusCode.Aborted, Message = "first" });

        trailers.SetRpcStatus(new Google.Rpc.Status { Code = (int)StatusCode.Aborted, Message = "second" });

        Assert.Single(trailers);
        Assert.Equal("second", trailers.GetRpcStatus()!.Message);
    }

    [Fact]
    public void AMalformedStatusReadsAsNoneUnlessAskedToThrow()
    {
        var trailers = new Metadata { { MetadataExtensions.StatusDetailsTrailerName, new byte[] { 0x0a, 0xff } } };

        Assert.Null(trailers.GetRpcStatus());
        Assert.Throws<InvalidProtocolBufferException>(() => trailers.GetRpcStatus(throwOnParseError: true));
    }

    [Fact]
    public void AStatusContradictingTheCallsCodeIsNotTrusted()
    {
        var trailers = new Metadata();
        trailers.SetRpcStatus(new Google.Rpc.Status { Code = (int)StatusCode.NotFound, Message = "not found" });
        var exception = new RpcException(new Grpc.Core.Status(StatusCode.Internal, "internal"), trailers);

        Assert.Null(exception.GetRpcStatus());
    }

    [Fact]
    public void NoTrailerReadsAsNoStatus() =>
        Assert.Null(new RpcException(new Grpc.Core.Status(StatusCode.Internal, "internal")).GetRpcStatus());
}
