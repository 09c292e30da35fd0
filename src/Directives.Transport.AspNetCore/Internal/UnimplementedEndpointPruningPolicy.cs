using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Drops the catch-all UNIMPLEMENTED endpoints from routing nodes that also hold a mapped gRPC method.
/// They could never win there (the method's literal route takes precedence), but routing would still
/// capture their route values and run their constraint on every call: about 350 bytes and two
/// content-type checks per call on the hot path. Built into the route table once, at startup.
/// </summary>
internal sealed class UnimplementedEndpointPruningPolicy : MatcherPolicy, INodeBuilderPolicy
{
    // After the HTTP method and host policies, so it only sees endpoints that really compete.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        var hasMethod = false;
        var hasUnimplemented = false;
        foreach (var endpoint in endpoints)
        {
            hasMethod |= endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null;
            hasUnimplemented |= endpoint.Metadata.GetMetadata<UnimplementedEndpointMetadata>() is not null;
        }

        return hasMethod && hasUnimplemented;
    }

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints)
    {
        var kept = new List<Endpoint>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<UnimplementedEndpointMetadata>() is null)
            {
                kept.Add(endpoint);
            }
        }

        return [new PolicyNodeEdge(UnimplementedEndpointMetadata.Instance, kept)];
    }

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges) =>
        new SingleDestinationJumpTable(edges.Count > 0 ? edges[0].Destination : exitDestination);

    private sealed class SingleDestinationJumpTable(int destination) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) => destination;
    }
}
