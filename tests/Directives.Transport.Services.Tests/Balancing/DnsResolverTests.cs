using System.Net;
using Grpc.Net.Client.Balancer;

namespace Directives.Transport.Services.Tests.Balancing;

/// <summary>The DNS resolver against the machine's own resolver (System.Net.Dns).</summary>
public class DnsResolverTests
{
    [Fact]
    public async Task LocalhostResolvesToLoopbackAddressesWithThePort()
    {
        var endPoints = await new DnsResolver("localhost", 8080).ResolveAsync(CancellationToken.None);

        Assert.NotEmpty(endPoints);
        Assert.All(endPoints, e => Assert.True(IPAddress.IsLoopback(e.Address) && e.Port == 8080, e.ToString()));
        Assert.Equal(endPoints.Count, endPoints.Distinct().Count());
    }

    [Fact]
    public async Task AnUnknownNameFails() =>
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => new DnsResolver("no-such-host.invalid", 8080).ResolveAsync(CancellationToken.None));
}
