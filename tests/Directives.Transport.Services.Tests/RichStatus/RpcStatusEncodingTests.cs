using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Transport.Services.Tests.RichStatus;

/// <summary>The 8 KiB bound of grpc-status-details-bin: details that do not fit are dropped, ErrorInfo last, never the status.</summary>
public class RpcStatusEncodingTests
{
    [Fact]
    public void AStatusWithinTheBoundIsSentWhole()
    {
        var status = StatusOfSize(RpcStatusEncoding.MaxEncodedSize);

        var sent = RpcStatusEncoding.Bound(status);

        Assert.Same(status, sent);
        Assert.Equal(RpcStatusEncoding.MaxEncodedSize, RpcStatusEncoding.Encode(status)!.Length);
    }

    [Fact]
    public void AStatusOverTheBoundLosesItsDetailsButKeepsCodeAndMessage()
    {
        var status = StatusOfSize(RpcStatusEncoding.MaxEncodedSize + 1);

        var sent = RpcStatusEncoding.Bound(status)!;

        Assert.Equal(status.Code, sent.Code);
        Assert.Equal(status.Message, sent.Message);
        Assert.Empty(sent.Details);
        Assert.NotEmpty(status.Details);
    }

    [Fact]
    public void AStatusOverTheBoundKeepsItsErrorInfoAndTheLeadingFieldViolationsThatFit()
    {
        var violations = Enumerable.Range(0, 400).Select(i => new BadRequest.Types.FieldViolation
        {
            Field = $"task.targets[{i}].metric",
            Description = "Chỉ tiêu phải có tên, ví dụ \"Tỷ lệ điều tra, khám phá án\".",
        });
        var status = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = "Yêu cầu không hợp lệ." };
        status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { violations } }));
        status.Details.Add(Any.Pack(new ErrorInfo { Type = "INVALID_FIELDS", Domain = "directives.gov.vn" }));
        Assert.True(status.CalculateSize() > RpcStatusEncoding.MaxEncodedSize);

        var sent = RpcStatusEncoding.Bound(status)!;

        Assert.True(sent.CalculateSize() <= RpcStatusEncoding.MaxEncodedSize);
        Assert.Equal(2, sent.Details.Count);
        Assert.Equal("INVALID_FIELDS", sent.Details[0].Unpack<ErrorInfo>().Type);
        var kept = sent.Details[1].Unpack<BadRequest>().FieldViolations;
        Assert.InRange(kept.Count, 1, 399);
        Assert.Equal(status.Details[0].Unpack<BadRequest>().FieldViolations.Take(kept.Count), kept);

        // One more violation would not have fitted.
        var oneMore = sent.Clone();
        var longer = sent.Details[1].Unpack<BadRequest>();
        longer.FieldViolations.Add(status.Details[0].Unpack<BadRequest>().FieldViolations[kept.Count]);
        oneMore.Details[1] = Any.Pack(longer);
        Assert.True(oneMore.CalculateSize() > RpcStatusEncoding.MaxEncodedSize);
    }

    [Fact]
    public void AnOversizedExceptionStillCarriesItsStatus()
    {
        var exception = new RpcStatusBuilder(StatusCode.ResourceExhausted, "Too many reports today.")
            .AddDetail(new ErrorInfo { Type = "QUOTA", Metadata = { ["padding"] = new string('x', 10_000) } })
            .ToRpcException();

        var trailer = exception.Trailers.GetValueBytes(MetadataExtensions.StatusDetailsTrailerName)!;
        var status = exception.GetRpcStatus()!;

        Assert.True(trailer.Length <= RpcStatusEncoding.MaxEncodedSize);
        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.Equal((int)StatusCode.ResourceExhausted, status.Code);
        Assert.Equal("Too many reports today.", status.Message);
        Assert.Empty(status.Details);
    }

    [Fact]
    public void AMessageTooLongForTheBoundLeavesTheCodeAndMessageToTheStandardTrailers()
    {
        var message = new string('m', RpcStatusEncoding.MaxEncodedSize);
        var exception = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = message }.ToRpcException();

        Assert.Null(exception.Trailers.Get(MetadataExtensions.StatusDetailsTrailerName));
        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Equal(message, exception.Status.Detail);
    }

    /// <summary>A status whose encoding is exactly <paramref name="size"/> bytes, padded by a BytesValue detail.</summary>
    private static Google.Rpc.Status StatusOfSize(int size)
    {
        var status = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = "Bad request." };
        status.Details.Add(Any.Pack(new BytesValue()));

        // Grow the padding from just under the size: each length prefix is two bytes in this range.
        for (var padding = size - 100; status.CalculateSize() < size; padding++)
        {
            status.Details[0] = Any.Pack(new BytesValue { Value = ByteString.CopyFrom(new byte[padding]) });
        }

        Assert.Equal(size, status.CalculateSize());
        return status;
    }
}
