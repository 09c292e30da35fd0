using Microsoft.Extensions.Options;

namespace Directives.Server.Telemetry;

/// <summary>Refuses to start with credentials among the captured metadata: no token may reach telemetry.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase) { "authorization", "cookie", "proxy-authorization", "x-api-key" };

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var refused = options.CaptureRequestMetadata.Where(Credentials.Contains).ToList();
        return refused.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.CaptureRequestMetadata)} may not capture credentials: {string.Join(", ", refused)}.");
    }
}
