using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;

namespace Directives.Transport.Tests.Server;

/// <summary>A client that cancels (RST_STREAM) cancels the handler's token; the call is recorded CANCELLED.</summary>
public class CancellationTests(H2cServerFixture fixture) : IClassFixture<H2cServerFixture>
{
    [Theory]
    [InlineData("Unary")]
    [InlineData("ServerStream")]
    [InlineData("ClientStream")]
    [InlineData("Duplex")]
    public async Task AResetStreamCancelsTheHandler(string method)
    {
        using var client = fixture.Server.CreateHttpClient();
        var callId = Guid.NewGuid().ToString();
        var content = new StreamingContent();
        using var cancellation = new CancellationTokenSource();
        var request = RawGrpc.Request(method, content);
        var responseTask = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        await content.WriteAsync(RawGrpc.Frame(new EchoRequest { CallId = callId, DelayMs = 30_000, ResponseCount = 10 }));
        if (method is "Unary" or "ServerStream")
        {
            content.Complete();
        }

        await WaitUntilStartedAsync(callId);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => responseTask);

        var record = await fixture.Server.CallRecorder.GetAsync(callId, TimeSpan.FromSeconds(10), default);
        Assert.True(record.Finished);
        Assert.True(record.Cancelled);
        Assert.Equal(1, record.StatusCode);
        Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
    }

    [Fact]
    public async Task TheServerLogsTheCancelledCall()
    {
        using var client = fixture.Server.CreateHttpClient();
        var callId = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();
        var responseTask = client.SendAsync(RawGrpc.Request("Unary", RawGrpc.Frame(new EchoRequest { CallId = callId, DelayMs = 30_000 })), cancellation.Token);

        await WaitUntilStartedAsync(callId);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => responseTask);
        await fixture.Server.CallRecorder.GetAsync(callId, TimeSpan.FromSeconds(10), default);

        await WaitForAsync(() => fixture.Server.Logs.Entries.Any(entry => entry.EventId.Name == "ServiceMethodCanceled"));
    }

    private async Task WaitUntilStartedAsync(string callId)
    {
        var record = await fixture.Server.CallRecorder.GetAsync(callId, TimeSpan.Zero, default);
        for (var i = 0; !record.Found && i < 500; i++)
        {
            await Task.Delay(10);
            record = await fixture.Server.CallRecorder.GetAsync(callId, TimeSpan.Zero, default);
        }

        Assert.True(record.Found);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; !condition() && i < 500; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
