using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Server.Tests.Api;

/// <summary>Decodes an API error the way a client does (grpc-status-details-bin) and checks what every error carries.</summary>
internal static class ApiAssert
{
    public static Google.Rpc.Status Error(RpcException exception, StatusCode code, string reason)
    {
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)code, status.Code);
        Assert.Equal(exception.Status.Detail, status.Message);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("directives.gov.vn", info.Domain);
        Assert.Equal(reason, info.Type); // field 1, `reason` in later versions of error_details.proto
        var localized = status.GetDetail<LocalizedMessage>();
        Assert.NotNull(localized);
        Assert.Equal("vi-VN", localized.Locale);
        Assert.False(string.IsNullOrWhiteSpace(localized.Message));
        return status;
    }

    public static Google.Rpc.Status Throws(Action action, StatusCode code, string reason)
        => Error(Assert.Throws<RpcException>(action), code, reason);

    /// <summary>The one BadRequest violation of an INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static BadRequest.Types.FieldViolation InvalidArgument(Action action, string reason, string field)
    {
        var status = Throws(action, StatusCode.InvalidArgument, reason);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(field, violation.Field);
        return violation;
    }

    public static ErrorInfo Info(Google.Rpc.Status status) => status.GetDetail<ErrorInfo>()!;

    public static string Vietnamese(Google.Rpc.Status status) => status.GetDetail<LocalizedMessage>()!.Message;
}
