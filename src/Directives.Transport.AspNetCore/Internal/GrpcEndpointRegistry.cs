namespace Grpc.AspNetCore.Server.Internal;

/// <summary>What has been mapped so far, so the catch-all UNIMPLEMENTED endpoint is added once.</summary>
internal sealed class GrpcEndpointRegistry
{
    private readonly HashSet<object> _routeBuildersWithUnimplementedService = new(ReferenceEqualityComparer.Instance);

    /// <summary>True the first time it is asked for a route builder.</summary>
    public bool TryClaimUnimplementedService(object routeBuilder)
    {
        lock (_routeBuildersWithUnimplementedService)
        {
            return _routeBuildersWithUnimplementedService.Add(routeBuilder);
        }
    }
}
