using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Client;

/// <summary>The @grpc/grpc-js conformance server (tests/peers/node/server.js), one per test class.</summary>
public sealed class NodeServerFixture : IAsyncLifetime
{
    private PeerProcess? _server;

    public PeerProcess Server => _server ?? throw new InvalidOperationException("The node server did not start.");

    public async Task InitializeAsync()
    {
        var node = PeerProcessEnvironment.RequireExecutable("node", "apt-get install nodejs");
        await PeerProcessEnvironment.EnsureNodeModulesAsync();
        _server = await PeerProcess.StartAsync(node, PeerProcessEnvironment.NodePeersDirectory, "server.js", "--port", "0");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
