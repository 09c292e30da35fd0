namespace Directives.Transport.Tests.Client;

/// <summary>Our client against a third-party server: @grpc/grpc-js.</summary>
public sealed class NodeServerTests(NodeServerFixture fixture) : ConformanceClientTests(fixture.Server.Address), IClassFixture<NodeServerFixture>
{
    // tests/peers/node/server.js throws this from the handler when asked to.
    protected override string HandlerExceptionText => "LEAK-CANARY";
}
