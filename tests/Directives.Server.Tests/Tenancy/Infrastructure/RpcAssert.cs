using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Server.Tests.Tenancy.Infrastructure;

/// <summary>Asserts the API's error model: status code, ErrorInfo reason in the directives.gov.vn domain, a vi-VN message.</summary>
internal static class RpcAssert
{
    public static async Task<ErrorInfo> FailsAsync(Func<Task> call, StatusCode code, string reason)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("directives.gov.vn", info.Domain);
        Assert.Equal(reason, info.Type); // field 1, `reason` in later error_details.proto
        Assert.Equal("vi-VN", status.GetDetail<LocalizedMessage>()?.Locale);
        return info;
    }

    public static Task<ErrorInfo> FailsAsync<T>(Func<AsyncUnaryCall<T>> call, StatusCode code, string reason) =>
        FailsAsync(async () => await call(), code, reason);
}
