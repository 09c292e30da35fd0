using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Client;

/// <summary>
/// The python3-grpcio conformance server (tests/peers/python/server.py) with <c>--compress-responses</c>:
/// the only third-party peer that gzip-compresses its responses. Debian's grpcio is imported by
/// /usr/bin/python3, whatever python3 comes first on PATH.
/// </summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private const string SystemPython = "/usr/bin/python3";

    private PeerProcess? _server;

    public PeerProcess Server => _server ?? throw new InvalidOperationException("The python server did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(SystemPython))
        {
            throw new InvalidOperationException(SystemPython + " is missing (apt-get install python3-grpcio python3-protobuf). Peer tests never skip.");
        }

        var directory = Path.Combine(PeerProcessEnvironment.RepositoryRoot, "tests", "peers", "python");
        _server = await PeerProcess.StartAsync(SystemPython, directory, "server.py", "--port", "0", "--compress-responses");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
