using Directives.Transport.Tests.Infrastructure;
using Directives.Transport.Tests.TestService;

namespace Directives.Transport.Tests.Client;

/// <summary>Our client against our server (Directives.Transport.AspNetCore on Kestrel, h2c).</summary>
public sealed class OwnServerTests(H2cServerFixture fixture) : ConformanceClientTests(fixture.Server.Address), IClassFixture<H2cServerFixture>
{
    protected override string HandlerExceptionText => ConformanceTestService.SecretExceptionText;
}
