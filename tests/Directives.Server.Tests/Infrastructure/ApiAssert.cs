using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Server.Tests.Infrastructure;

/// <summary>Asserts the API's error model over the wire: status code, ErrorInfo reason, vi-VN message, BadRequest fields.</summary>
public static class ApiAssert
{
    public static async Task<Google.Rpc.Status> FailsAsync<T>(Func<AsyncUnaryCall<T>> call, StatusCode code, string reason)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.True(code == exception.StatusCode, $"Expected {code} ({reason}), got {exception.StatusCode}: {exception.Status.Detail}");
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("directives.gov.vn", info.Domain);
        Assert.True(reason == info.Type, $"Expected reason {reason}, got {info.Type}: {exception.Status.Detail}");
        var localized = status.GetDetail<LocalizedMessage>();
        Assert.Equal("vi-VN", localized?.Locale);
        Assert.False(string.IsNullOrWhiteSpace(localized?.Message));
        return status;
    }

    /// <summary>INVALID_ARGUMENT whose BadRequest names each of <paramref name="fields"/> (and possibly others).</summary>
    public static async Task<BadRequest> InvalidAsync<T>(Func<AsyncUnaryCall<T>> call, params string[] fields)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await call());
        Assert.True(exception.StatusCode == StatusCode.InvalidArgument, $"Expected INVALID_ARGUMENT, got {exception.StatusCode}: {exception.Status.Detail}");
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var named = badRequest.FieldViolations.Select(v => v.Field).ToList();
        foreach (var field in fields)
        {
            Assert.True(named.Contains(field), $"No violation on {field}; got: {string.Join("; ", badRequest.FieldViolations.Select(v => v.Field + ": " + v.Description))}");
        }

        return badRequest;
    }
}
