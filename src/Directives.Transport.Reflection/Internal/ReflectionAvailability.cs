using Grpc.Core;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

internal static class ReflectionAvailability
{
    /// <summary>A switched-off reflection service answers as a server without one does.</summary>
    public static void ThrowIfDisabled(GrpcReflectionOptions options)
    {
        if (!options.Enabled)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "Server reflection is disabled."));
        }
    }
}
