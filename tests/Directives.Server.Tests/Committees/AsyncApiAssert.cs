using Directives.Server.Tests.Api;
using Grpc.Core;

namespace Directives.Server.Tests.Committees;

/// <summary><see cref="ApiAssert.Error"/> for calls awaited the way clients make them.</summary>
internal static class AsyncApiAssert
{
    public static async Task<Google.Rpc.Status> ErrorAsync(Func<Task> call, StatusCode code, string reason)
        => ApiAssert.Error(await Assert.ThrowsAsync<RpcException>(call), code, reason);
}
