using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Http;

namespace Grpc.Core;

public static class ServerCallContextExtensions
{
    // The key a test double can put in UserState to stand in for a real call, as in gRPC for .NET.
    private const string HttpContextKey = "__HttpContext";

    /// <summary>The <see cref="HttpContext"/> of the call.</summary>
    public static HttpContext GetHttpContext(this ServerCallContext serverCallContext)
    {
        ArgumentNullException.ThrowIfNull(serverCallContext);
        if (serverCallContext is HttpContextServerCallContext httpContextServerCallContext)
        {
            return httpContextServerCallContext.HttpContext;
        }

        if (serverCallContext.UserState.TryGetValue(HttpContextKey, out var value) && value is HttpContext httpContext)
        {
            return httpContext;
        }

        throw new InvalidOperationException("Could not get HttpContext from ServerCallContext. HttpContext can only be accessed when gRPC services are hosted by ASP.NET Core.");
    }
}
