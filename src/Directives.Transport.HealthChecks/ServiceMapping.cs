namespace Grpc.AspNetCore.HealthChecks;

/// <summary>A gRPC health service name and the health checks that decide its status.</summary>
public sealed class ServiceMapping
{
    public ServiceMapping(string name, Func<HealthCheckFilterContext, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(predicate);
        Name = name;
        Predicate = predicate;
    }

    /// <summary>The name clients ask for; <c>""</c> is the whole server.</summary>
    public string Name { get; }

    /// <summary>Selects the health checks that count for this service; all of them must pass for SERVING.</summary>
    public Func<HealthCheckFilterContext, bool> Predicate { get; }
}
