namespace Grpc.AspNetCore.HealthChecks;

/// <summary>One ASP.NET Core health check, as a <see cref="ServiceMapping"/> predicate sees it.</summary>
public sealed class HealthCheckFilterContext
{
    internal HealthCheckFilterContext(string name, IEnumerable<string> tags)
    {
        Name = name;
        Tags = tags;
    }

    /// <summary>The health check's registration name.</summary>
    public string Name { get; }

    /// <summary>The health check's tags.</summary>
    public IEnumerable<string> Tags { get; }
}
