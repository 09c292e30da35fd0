namespace Directives.Server.Telemetry;

/// <summary>What the server subscribes to by name, and the attributes it adds to a call's telemetry.</summary>
internal static class TelemetryNames
{
    /// <summary>The default <c>service.name</c> when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string ServiceName = "directives-grpc";

    /// <summary>The province of the call (<c>hung-yen</c>), <c>-</c> for a call across provinces.</summary>
    public const string Province = "directives.province";

    /// <summary>The caller's agency as a resource name, when the caller has one.</summary>
    public const string Agency = "directives.agency";

    /// <summary>Prefix of opted-in request metadata on server spans, after the RPC conventions.</summary>
    public const string RequestMetadataPrefix = "rpc.grpc.request.metadata.";

    /// <summary>
    /// The activity sources: ASP.NET Core's request spans (the transport enriches them into the gRPC server
    /// spans), our transport's client spans, HttpClient, Npgsql's command spans and ours for SQLite commands.
    /// </summary>
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "Grpc.Net.Client",
        "System.Net.Http",
        "Npgsql",
        DatabaseCommandTracing.SourceName,
    ];

    /// <summary>The meters: the transport's RPC metrics, ASP.NET Core, Kestrel, HttpClient, EF Core and Npgsql.</summary>
    public static readonly string[] Meters =
    [
        "Grpc.AspNetCore.Server",
        "Grpc.Net.Client",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
    ];
}
