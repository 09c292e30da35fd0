namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Marks the catch-all UNIMPLEMENTED endpoints, so routing can leave them out where a real method matches.</summary>
internal sealed class UnimplementedEndpointMetadata
{
    public static readonly UnimplementedEndpointMetadata Instance = new();

    private UnimplementedEndpointMetadata()
    {
    }
}
