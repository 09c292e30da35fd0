using Directives.Testing.Lifecycle.V1;
using Directives.Transport.Services.Tests.Infrastructure;
using Directives.Transport.TestHost;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;

namespace Directives.Transport.Services.Tests.RichStatus;

/// <summary>A handler's rich status, through the server's trailers and the client's RpcException, over HTTP/2.</summary>
public class RichStatusOverTheWireTests
{
    [Fact]
    public async Task TheClientReadsEveryDetailTheHandlerRaised()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new LifecycleTestService.LifecycleTestServiceClient(server.Channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.FailAsync(new FailRequest(), cancellationToken: TestTimeout.Token()).ResponseAsync);

        var status = exception.GetRpcStatus();
        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.Equal(RichErrors.Message, exception.Status.Detail);
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal(RichErrors.Message, status.Message);
        Assert.Equal(7, status.Details.Count);
        Assert.Equal("TASK_REPORTS_MISSING", status.GetDetail<ErrorInfo>()!.Type);
        Assert.Equal("Không thể hoàn thành nhiệm vụ: thiếu báo cáo.", status.GetDetail<LocalizedMessage>()!.Message);
    }

    [Fact]
    public async Task AnOversizedStatusArrivesWithTheDetailsThatFit()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new LifecycleTestService.LifecycleTestServiceClient(server.Channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => client.FailAsync(new FailRequest { PaddingBytes = 10_000 }, cancellationToken: TestTimeout.Token()).ResponseAsync);

        var status = exception.GetRpcStatus();
        Assert.Equal(StatusCode.FailedPrecondition, exception.StatusCode);
        Assert.NotNull(status);
        Assert.Equal(RichErrors.Message, status.Message);

        // The ErrorInfo carries the 10,000 bytes of padding: it alone is left out.
        Assert.Null(status.GetDetail<ErrorInfo>());
        Assert.Equal(6, status.Details.Count);
        Assert.Equal("task.state", status.GetDetail<BadRequest>()!.FieldViolations.Single().Field);
        Assert.Equal("Không thể hoàn thành nhiệm vụ: thiếu báo cáo.", status.GetDetail<LocalizedMessage>()!.Message);
    }
}
