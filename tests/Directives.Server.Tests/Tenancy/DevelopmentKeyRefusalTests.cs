using Directives.Server.Auth;
using Directives.Server.Tests.Tenancy.Infrastructure;
using Microsoft.Extensions.Options;

namespace Directives.Server.Tests.Tenancy;

/// <summary>The server refuses to start with the public Development key anywhere but Development.</summary>
public sealed class DevelopmentKeyRefusalTests
{
    private static readonly string ProductionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheHostRefusesToStartWithTheDevelopmentKey(string environment)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TenancyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "https://login.example.gov.vn",
                ["Auth:Audience"] = "directives-grpc",
                ["Auth:SigningKeys:0"] = ProductionKey,
                ["Auth:DevelopmentKey"] = DevelopmentTokenIssuer.DefaultKey,
            },
            environment));

        Assert.Contains("Auth:DevelopmentKey is configured but the environment is '" + environment + "'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostRefusesTheDevelopmentKeyAmongTheSigningKeys()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TenancyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "https://login.example.gov.vn",
                ["Auth:Audience"] = "directives-grpc",
                ["Auth:SigningKeys:0"] = DevelopmentTokenIssuer.DefaultKey,
            },
            "Production"));

        Assert.Contains("public Development key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostRefusesToStartWithoutAnyKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TenancyTestServer.StartAsync(
            new Dictionary<string, string?> { ["Auth:Issuer"] = "https://login.example.gov.vn", ["Auth:Audience"] = "directives-grpc" },
            "Production"));

        Assert.Contains("No key can verify tokens", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostStartsOutsideDevelopmentWithItsOwnKeys()
    {
        await using var server = await TenancyTestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "https://login.example.gov.vn",
                ["Auth:Audience"] = "directives-grpc",
                ["Auth:SigningKeys:0"] = ProductionKey,
            },
            "Production");

        Assert.Null(server.Services.GetService(typeof(DevelopmentTokenIssuer)));
    }

    [Fact]
    public async Task DevelopmentServesTheTokenIssuer()
    {
        await using var server = await TenancyTestServer.StartAsync();
        Assert.NotNull(server.Services.GetService(typeof(DevelopmentTokenIssuer)));
    }
}
