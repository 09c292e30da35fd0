namespace Directives.Transport.Tests.Infrastructure;

/// <summary>One h2c test server shared by a test class.</summary>
public sealed class H2cServerFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>One TLS test server shared by a test class.</summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions { UseTls = true });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
