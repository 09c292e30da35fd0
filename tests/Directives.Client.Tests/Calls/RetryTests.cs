using System.Collections.Concurrent;
using Directives.Client.Errors;
using Directives.Client.Tests.Infrastructure;
using Directives.Contracts.V1;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Client.Tests.Calls;

/// <summary>
/// Retries against a real server that fails the first calls UNAVAILABLE: reads and creates carrying a
/// request_id are sent again until they succeed or attempts run out; other writes are sent once.
/// </summary>
public sealed class RetryTests
{
    private const string Directive = "provinces/hung-yen/directives/2019-2157-cv-tu";

    [Fact]
    public async Task AReadIsRetriedAfterUnavailableUntilItSucceeds()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 2);
        var retries = new ConcurrentQueue<RetryAttempt>();
        using var client = Client(server, new RetryOptions { MaxAttempts = 5, InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(40), OnRetry = retries.Enqueue });

        using var call = client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive });
        var directive = await call;

        Assert.Equal(Directive, directive.Name);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.NotNull(await call.ResponseHeadersAsync);
        Assert.Equal(3, server.Service.CallsOf("GetDirective"));
        Assert.Equal([2, 3], retries.Select(r => r.Attempt));
        Assert.All(retries, r => Assert.Equal(StatusCode.Unavailable, r.Status.StatusCode));
        Assert.All(retries, r => Assert.Equal("/directives.v1.DirectiveService/GetDirective", r.Method));
        Assert.InRange(retries.ElementAt(0).Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
        Assert.InRange(retries.ElementAt(1).Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task ACreateWithARequestIdIsRetried()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 1);
        using var client = Client(server, Fast(3));

        var created = await client.Directives.CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Parent = "provinces/hung-yen",
            Directive = new Directive { Subject = "Về an ninh, trật tự" },
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal("Về an ninh, trật tự", created.Subject);
        Assert.Equal(2, server.Service.CallsOf("CreateDirective"));
    }

    [Fact]
    public async Task ACreateWithoutARequestIdIsNotRetried()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 1);
        using var client = Client(server, Fast(5));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await client.Directives.CreateDirectiveAsync(new CreateDirectiveRequest
        {
            Parent = "provinces/hung-yen",
            Directive = new Directive { Subject = "Về an ninh, trật tự" },
        }));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, server.Service.CallsOf("CreateDirective"));
    }

    [Fact]
    public async Task ACustomMethodWithoutARequestIdIsNotRetried()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 1);
        using var client = Client(server, Fast(5));

        await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await client.Directives.IssueDirectiveAsync(new IssueDirectiveRequest { Name = Directive }));

        Assert.Equal(1, server.Service.CallsOf("IssueDirective"));
    }

    [Fact]
    public async Task RetriesStopAfterMaxAttemptsWithTheLastFailure()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 100);
        using var client = Client(server, Fast(4));

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }));

        Assert.Equal(4, server.Service.CallsOf("GetDirective"));
        Assert.Equal("Failure 4 of 100.", error.Status.Detail);
        Assert.IsAssignableFrom<RpcException>(error);
    }

    [Fact]
    public async Task OtherFailuresAreNotRetried()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 1, StatusCode.Internal);
        using var client = Client(server, Fast(5));

        var error = await Assert.ThrowsAsync<DirectivesException>(async () => await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(1, server.Service.CallsOf("GetDirective"));
    }

    [Fact]
    public async Task EveryAttemptCarriesTheTokenTheProvinceAndADeadline()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 2);
        using var client = Client(server, Fast(3));

        await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive });

        Assert.Equal(3, server.Service.Calls.Count);
        Assert.All(server.Service.Calls, call => Assert.Equal(new ReceivedCall("GetDirective", "Bearer token-123", "hung-yen", HasDeadline: true), call));
    }

    [Fact]
    public async Task RetriesStopWhenTheNextWouldMissTheDeadline()
    {
        await using var server = await FlakyDirectiveServer.StartAsync(failuresBeforeSuccess: 100);
        var retry = new RetryOptions { MaxAttempts = 10, InitialBackoff = TimeSpan.FromHours(1), MaxBackoff = TimeSpan.FromHours(1), Random = new FixedRandom(0.99) };
        using var client = Client(server, retry);

        await Assert.ThrowsAsync<ServiceUnavailableException>(async () => await client.Directives.GetDirectiveAsync(new GetDirectiveRequest { Name = Directive }));

        Assert.Equal(1, server.Service.CallsOf("GetDirective"));
    }

    private static RetryOptions Fast(int attempts) => new() { MaxAttempts = attempts, InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20) };

    private static DirectivesClient Client(FlakyDirectiveServer server, RetryOptions retry) => new(new DirectivesClientOptions
    {
        Address = server.Address,
        Token = "token-123",
        Province = "hung-yen",
        Retry = retry,
        DefaultDeadline = TimeSpan.FromMinutes(1),
    });

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
