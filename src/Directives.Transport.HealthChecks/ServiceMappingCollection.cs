using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Grpc.AspNetCore.HealthChecks;

/// <summary>The gRPC health service names the server answers for, each mapped to health checks.</summary>
public sealed class ServiceMappingCollection : IEnumerable<ServiceMapping>
{
    private readonly Dictionary<string, ServiceMapping> _mappings = new(StringComparer.Ordinal);

    /// <summary>Maps <paramref name="name"/> to the health checks <paramref name="predicate"/> selects, replacing any earlier mapping.</summary>
    public void Map(string name, Func<HealthCheckFilterContext, bool> predicate) => Add(new ServiceMapping(name, predicate));

    /// <summary>Adds <paramref name="mapping"/>, replacing any earlier mapping of its name.</summary>
    public void Add(ServiceMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mappings[mapping.Name] = mapping;
    }

    public void Remove(string name) => _mappings.Remove(name);

    public void Clear() => _mappings.Clear();

    public IEnumerator<ServiceMapping> GetEnumerator() => _mappings.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool TryGet(string name, [NotNullWhen(true)] out ServiceMapping? mapping) => _mappings.TryGetValue(name, out mapping);
}
