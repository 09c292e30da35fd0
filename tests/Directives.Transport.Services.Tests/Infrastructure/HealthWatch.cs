using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Directives.Transport.Services.Tests.Infrastructure;

/// <summary>An open <c>Watch</c> call, read one status at a time.</summary>
internal sealed class HealthWatch : IDisposable
{
    private readonly AsyncServerStreamingCall<HealthCheckResponse> _call;

    public HealthWatch(Health.HealthClient client, string service, CancellationToken cancellationToken)
    {
        _call = client.Watch(new HealthCheckRequest { Service = service }, cancellationToken: cancellationToken);
    }

    /// <summary>The next status pushed; fails if the call ends first.</summary>
    public async Task<ServingStatus> NextAsync(CancellationToken cancellationToken)
    {
        Assert.True(await _call.ResponseStream.MoveNext(cancellationToken), "The watch ended.");
        return _call.ResponseStream.Current.Status;
    }

    /// <summary>True when nothing is pushed within <paramref name="quietPeriod"/> and the call is still open.</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan quietPeriod)
    {
        using var quiet = new CancellationTokenSource(quietPeriod);
        try
        {
            await _call.ResponseStream.MoveNext(quiet.Token);
            return false;
        }
        catch (Exception exception) when (quiet.IsCancellationRequested && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return true;
        }
    }

    /// <summary>How the call ended after its last message.</summary>
    public async Task<StatusCode> EndAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(cancellationToken))
            {
            }

            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    public void Dispose() => _call.Dispose();
}
