namespace Directives.Server.Hosting;

/// <summary>
/// The grpc.health.v1 service name of the liveness probe: it maps to no health check, so it is SERVING
/// while the process answers (and NOT_SERVING once it drains). Readiness uses <c>""</c>, every check.
/// </summary>
internal static class LivenessHealth
{
    public const string ServiceName = "liveness";
}
