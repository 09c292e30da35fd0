namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddGrpc</c> to configure gRPC further.</summary>
public interface IGrpcServerBuilder
{
    IServiceCollection Services { get; }
}
