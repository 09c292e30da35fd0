namespace Grpc.AspNetCore.HealthChecks;

/// <summary>Options of the gRPC health service; <see cref="WatchInterval"/> can be set in configuration (<c>Grpc:HealthChecks:WatchInterval</c>).</summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string ConfigurationSection = "Grpc:HealthChecks";

    /// <summary>
    /// The service names answered, each mapped to health checks. <c>AddGrpcHealthChecks()</c> maps <c>""</c>
    /// (the whole server) to every health check; other names are unknown until mapped here.
    /// </summary>
    public ServiceMappingCollection Services { get; } = new();

    /// <summary>
    /// How often the health checks run while at least one <c>Watch</c> call is open, so that changes are
    /// pushed to watchers. Default 5 seconds. <c>Check</c> always runs the checks afresh.
    /// </summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);
}
