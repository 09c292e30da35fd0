using Grpc.Core;

namespace Grpc.AspNetCore.Server;

/// <summary>Endpoint metadata naming the gRPC service type and method an endpoint serves.</summary>
public sealed class GrpcMethodMetadata
{
    public GrpcMethodMetadata(Type serviceType, IMethod method)
    {
        ServiceType = serviceType ?? throw new ArgumentNullException(nameof(serviceType));
        Method = method ?? throw new ArgumentNullException(nameof(method));
    }

    public Type ServiceType { get; }

    public IMethod Method { get; }
}
