using Grpc.Core;

namespace Grpc.StatusProto;

/// <summary>Reads the <see cref="Google.Rpc.Status"/> that came with a failed call.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>
    /// The status in the exception's trailers, or null when there is none, it is malformed, or its code
    /// contradicts the call's own status (a detail that disagrees with grpc-status is not trusted,
    /// as grpc-java's StatusProto also refuses it).
    /// </summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.Trailers.GetRpcStatus();
        return status is not null && status.Code == (int)exception.StatusCode ? status : null;
    }
}
