namespace Directives.Bench;

/// <summary>How a benchmark's <see cref="ServerProcess"/> is configured.</summary>
/// <param name="RegistryJson">The provinces, as the server's seed registry file (<c>{ "provinces": [ … ] }</c>).</param>
/// <param name="ReadinessProvince">A province of the registry whose GetProvince tells that the server is ready.</param>
/// <param name="Settings">Configuration on the command line (storage, caching…), over the benchmark defaults.</param>
/// <param name="Core">The core to pin the server to, or null.</param>
public sealed record ServerSetup(string RegistryJson, string ReadinessProvince, IReadOnlyDictionary<string, string> Settings, int? Core = null);
