using System.Net;

namespace Grpc.Net.Client.Balancer;

/// <summary>
/// Finds the addresses behind a channel's target, for client-side load balancing
/// (<see cref="GrpcChannelOptions.Resolver"/>). The channel calls it at first use, every
/// <see cref="GrpcChannelOptions.ResolveInterval"/>, and whenever a connection is lost.
/// </summary>
public abstract class Resolver
{
    /// <summary>The current addresses; an empty list or an exception keeps the addresses known so far.</summary>
    public abstract Task<IReadOnlyList<IPEndPoint>> ResolveAsync(CancellationToken cancellationToken);
}
