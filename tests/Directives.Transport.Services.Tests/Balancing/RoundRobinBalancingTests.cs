using System.Collections.Concurrent;
using System.Net;
using Directives.Testing.Lifecycle.V1;
using Directives.Transport.Services.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Directives.Transport.Services.Tests.Balancing;

/// <summary>
/// Per-call load balancing over three real server processes on three loopback addresses behind one name:
/// calls are spread across all three, and when one is killed mid-run no idempotent call fails, the survivors
/// take the calls, and the name is resolved again at once.
/// </summary>
public sealed class RoundRobinBalancingTests : IDisposable
{
    private const string Name = "directives-grpc-headless.test";
    private const string SlowMethod = "directives.testing.lifecycle.v1.LifecycleTestService/Slow";
    private readonly List<ExternalProcess> _servers = [];

    [Fact]
    public async Task CallsSpreadAcrossEveryServerAndSurviveTheLossOfOne()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var endPoints = await StartServersAsync(["127.0.0.2", "127.0.0.3", "127.0.0.4"], timeout.Token);
        var resolver = new MapResolver(new ConcurrentDictionary<string, IPEndPoint[]> { [Name] = endPoints }, Name);
        var options = new GrpcChannelOptions { Resolver = resolver, ResolveInterval = TimeSpan.FromHours(1) };
        options.IdempotentMethods.Add(SlowMethod);
        using var channel = GrpcChannel.ForAddress($"http://{Name}:8080", options);
        var client = new LifecycleTestService.LifecycleTestServiceClient(channel);

        // One call after another: strict turns.
        var first = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            first.Add((await client.SlowAsync(new SlowRequest { Label = "warm " + i }, cancellationToken: timeout.Token)).Server);
        }

        var perServer = first.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(endPoints.Select(e => e.ToString()).Order(StringComparer.Ordinal), perServer.Keys.Order(StringComparer.Ordinal));
        Assert.All(perServer.Values, count => Assert.Equal(10, count));
        Assert.Equal(1, resolver.Lookups);

        // Eight callers at once, each call held 20 ms by the server before it answers, so calls are in flight on
        // every server when one is killed: those broken before their response began are sent again on a survivor.
        // (A call whose response has begun is committed, as gRPC's retry rules say, and is not sent again.)
        var victim = endPoints[1].ToString();
        var answers = new ConcurrentQueue<(string Server, bool AfterKill)>();
        var failures = new ConcurrentQueue<Exception>();
        var killed = 0;
        var completed = 0;
        async Task CallerAsync(int caller)
        {
            for (var i = 0; i < 60; i++)
            {
                try
                {
                    var request = new SlowRequest { Label = $"{caller}/{i}", Delay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(20)), DeferHeaders = true };
                    var afterKill = Volatile.Read(ref killed) == 1;
                    var response = await client.SlowAsync(request, cancellationToken: timeout.Token);
                    answers.Enqueue((response.Server, afterKill));
                }
                catch (RpcException exception)
                {
                    failures.Enqueue(exception);
                }

                if (Interlocked.Increment(ref completed) == 120)
                {
                    _servers[1].Kill();
                    await _servers[1].WaitForExitAsync(timeout.Token);
                    Volatile.Write(ref killed, 1);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(() => CallerAsync(c))));

        Assert.Empty(failures);
        Assert.Equal(8 * 60, answers.Count);
        var afterKill = answers.Where(a => a.AfterKill).GroupBy(a => a.Server).ToDictionary(g => g.Key, g => g.Count());
        Assert.DoesNotContain(victim, afterKill.Keys);
        Assert.Equal(
            endPoints.Select(e => e.ToString()).Where(e => e != victim).Order(StringComparer.Ordinal),
            afterKill.Keys.Order(StringComparer.Ordinal));
        Assert.True(resolver.Lookups > 1, "The name was not resolved again after a connection was lost.");
    }

    [Fact]
    public async Task AddressesAreResolvedAgainOnTheInterval()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var endPoints = await StartServersAsync(["127.0.0.5", "127.0.0.6"], timeout.Token);
        var table = new ConcurrentDictionary<string, IPEndPoint[]> { [Name] = [endPoints[0]] };
        var resolver = new MapResolver(table, Name);
        using var channel = GrpcChannel.ForAddress($"http://{Name}:8080", new GrpcChannelOptions { Resolver = resolver, ResolveInterval = TimeSpan.FromMilliseconds(100) });
        var client = new LifecycleTestService.LifecycleTestServiceClient(channel);
        Assert.Equal(endPoints[0].ToString(), (await client.SlowAsync(new SlowRequest(), cancellationToken: timeout.Token)).Server);

        // A pod joins: calls reach it once the name is resolved again, with no failure on the way.
        table[Name] = endPoints;
        await CallUntilAsync(client, servers => servers.Contains(endPoints[1].ToString()), timeout.Token);

        // The first pod leaves: only the second answers from the next resolution on.
        table[Name] = [endPoints[1]];
        await CallUntilAsync(client, servers => servers.Count == 8 && servers.All(s => s == endPoints[1].ToString()), timeout.Token);
    }

    [Fact]
    public async Task ADnsTargetBalancesOverTheAddressesOfTheName()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var endPoint = (await StartServersAsync(["127.0.0.1"], timeout.Token))[0];

        // localhost may also resolve to ::1, where nothing listens: that connection is refused and the call goes
        // on to 127.0.0.1, so every call succeeds either way.
        using var channel = GrpcChannel.ForAddress($"dns:///localhost:{endPoint.Port}");
        var client = new LifecycleTestService.LifecycleTestServiceClient(channel);
        for (var i = 0; i < 4; i++)
        {
            var response = await client.SlowAsync(new SlowRequest { Label = "dns " + i }, cancellationToken: timeout.Token);
            Assert.Equal(endPoint.ToString(), response.Server);
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }

    /// <summary>Rounds of eight calls until the servers that answered a round satisfy <paramref name="done"/>.</summary>
    private static async Task CallUntilAsync(LifecycleTestService.LifecycleTestServiceClient client, Func<List<string>, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var round = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                round.Add((await client.SlowAsync(new SlowRequest(), cancellationToken: cancellationToken)).Server);
            }

            if (done(round))
            {
                return;
            }
        }
    }

    private async Task<IPEndPoint[]> StartServersAsync(string[] addresses, CancellationToken cancellationToken)
    {
        var testHost = Path.Combine(AppContext.BaseDirectory, "Directives.Transport.TestHost.dll");
        foreach (var address in addresses)
        {
            _servers.Add(ExternalProcess.Start("dotnet", testHost, "--urls", $"http://{address}:0", "--Logging:LogLevel:Default", "Warning"));
        }

        var endPoints = new List<IPEndPoint>();
        foreach (var server in _servers)
        {
            var listening = await server.WaitForLineAsync("listening ", cancellationToken);
            var uri = new Uri(listening["listening ".Length..].Trim());
            endPoints.Add(new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port));
        }

        return [.. endPoints];
    }
}
