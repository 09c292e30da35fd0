using Directives.Data.Storage;
using Directives.Server.Telemetry;
using Directives.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Server.Tests.Telemetry;

/// <summary>
/// The server on SQLite with its OpenTelemetry SDK exporting to <see cref="InMemoryTelemetry"/> (and
/// nowhere else), capturing the <c>x-client-version</c> metadata by opt-in.
/// </summary>
public sealed class TelemetryServer() : DirectivesServerFixture(StorageProvider.Sqlite, seedDemoData: false)
{
    public const string CapturedMetadata = "x-client-version";

    public InMemoryTelemetry Telemetry { get; } = new();

    /// <summary>Collects the metrics and exports everything buffered.</summary>
    public void Flush() => Services.GetRequiredService<DirectivesTelemetry>().ForceFlush();

    protected override void ConfigureServer(WebApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Exporter"] = "None",
            ["Telemetry:CaptureRequestMetadata:0"] = CapturedMetadata,
        });
        builder.Services.Configure<TelemetryOptions>(options => options.ConfigureSdk += Telemetry.AddTo);
    }
}
