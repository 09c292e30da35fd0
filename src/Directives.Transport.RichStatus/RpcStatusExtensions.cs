using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Grpc.StatusProto;

/// <summary>Turns a <see cref="Google.Rpc.Status"/> into a call's outcome, and reads its typed details.</summary>
public static class RpcStatusExtensions
{
    /// <summary>
    /// An <see cref="RpcException"/> whose status code and message are the status's own, with the status
    /// in its <c>grpc-status-details-bin</c> trailer (bounded by <see cref="RpcStatusEncoding.Bound"/>).
    /// </summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status) => status.ToRpcException(new Metadata());

    /// <summary>As <see cref="ToRpcException(Google.Rpc.Status)"/>, adding the status to <paramref name="trailers"/>.</summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status, Metadata trailers)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(trailers);
        trailers.SetRpcStatus(status);
        return new RpcException(new Grpc.Core.Status((StatusCode)status.Code, status.Message), trailers);
    }

    /// <summary>The first detail of type <typeparamref name="T"/>, or null when there is none.</summary>
    public static T? GetDetail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(status);
        var typeName = new T().Descriptor.FullName;
        foreach (var any in status.Details)
        {
            if (Any.GetTypeName(any.TypeUrl) == typeName)
            {
                return any.Unpack<T>();
            }
        }

        return null;
    }

    /// <summary>Every detail of type <typeparamref name="T"/>, in order.</summary>
    public static IEnumerable<T> GetDetails<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(status);
        var typeName = new T().Descriptor.FullName;
        return Unpack(status, typeName);

        static IEnumerable<T> Unpack(Google.Rpc.Status status, string typeName)
        {
            foreach (var any in status.Details)
            {
                if (Any.GetTypeName(any.TypeUrl) == typeName)
                {
                    yield return any.Unpack<T>();
                }
            }
        }
    }
}
