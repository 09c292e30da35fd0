using Microsoft.AspNetCore.Builder;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary>Applies conventions to both reflection services at once.</summary>
internal sealed class CompositeEndpointConventionBuilder(params IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
