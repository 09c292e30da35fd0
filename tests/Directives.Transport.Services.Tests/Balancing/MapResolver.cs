using System.Collections.Concurrent;
using System.Net;
using Grpc.Net.Client.Balancer;

namespace Directives.Transport.Services.Tests.Balancing;

/// <summary>
/// A name service of its own: names to addresses from a table, as /etc/hosts or a headless Service's DNS records
/// would give them (a test cannot edit /etc/hosts); a test changes the table as pods would come and go. Counts its lookups.
/// </summary>
internal sealed class MapResolver(ConcurrentDictionary<string, IPEndPoint[]> table, string name) : Resolver
{
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public override Task<IReadOnlyList<IPEndPoint>> ResolveAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return Task.FromResult<IReadOnlyList<IPEndPoint>>(table[name]);
    }
}
