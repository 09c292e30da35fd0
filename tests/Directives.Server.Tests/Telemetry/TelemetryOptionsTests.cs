using Directives.Server.Telemetry;

namespace Directives.Server.Tests.Telemetry;

/// <summary>Metadata capture is opt-in and can never capture credentials.</summary>
public sealed class TelemetryOptionsTests
{
    [Fact]
    public void NothingIsCapturedByDefault() => Assert.Empty(new TelemetryOptions().CaptureRequestMetadata);

    [Theory]
    [InlineData("authorization")]
    [InlineData("Authorization")]
    [InlineData("cookie")]
    public void CredentialsCannotBeCaptured(string key)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { CaptureRequestMetadata = ["x-client-version", key] });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryMetadataCanBeCaptured() =>
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { CaptureRequestMetadata = ["x-client-version"] }).Succeeded);
}
