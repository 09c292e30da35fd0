using System.Net;

namespace Grpc.Net.Client.Balancer;

/// <summary>
/// Every address of a DNS name, as a Kubernetes headless Service publishes one A/AAAA record per ready pod.
/// <c>GrpcChannel.ForAddress("dns:///host:port")</c> uses it.
/// </summary>
public sealed class DnsResolver : Resolver
{
    private readonly string _host;
    private readonly int _port;

    public DnsResolver(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        _host = host;
        _port = port;
    }

    public override async Task<IReadOnlyList<IPEndPoint>> ResolveAsync(CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(_host, cancellationToken).ConfigureAwait(false);
        return addresses.Distinct().Select(a => new IPEndPoint(a, _port)).ToArray();
    }
}
