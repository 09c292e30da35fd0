using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.AspNetCore.HealthChecks.Internal;

/// <summary>The <c>grpc.health.v1.Health</c> service.</summary>
internal sealed class HealthServiceImpl : Grpc.Health.V1.Health.HealthBase
{
    private readonly HealthStatusEvaluator _evaluator;
    private readonly HealthReportMonitor _monitor;
    private readonly IHostApplicationLifetime _lifetime;

    public HealthServiceImpl(HealthStatusEvaluator evaluator, HealthReportMonitor monitor, IHostApplicationLifetime lifetime)
    {
        _evaluator = evaluator;
        _monitor = monitor;
        _lifetime = lifetime;
    }

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = await _evaluator.CheckAsync(request.Service, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "The health service name is unknown."));
        return new HealthCheckResponse { Status = status };
    }

    /// <remarks>
    /// Sends the current status at once, then each change: health checks are polled every
    /// <see cref="GrpcHealthChecksOptions.WatchInterval"/>, and the host starting or stopping is sent at
    /// once. An unknown name is reported as SERVICE_UNKNOWN and the call stays open. When the host begins
    /// draining the call sends NOT_SERVING and ends with UNAVAILABLE, as every drained stream does, so the
    /// client retries elsewhere; when the client cancels, the call just ends.
    /// </remarks>
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var callEnded = context.CancellationToken;
        using var subscription = _monitor.Subscribe();
        try
        {
            ServingStatus? sent = null;
            var status = await _evaluator.CheckAsync(request.Service, callEnded) ?? ServingStatus.ServiceUnknown;
            while (true)
            {
                if (status != sent)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
                    sent = status;
                }

                if (_lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    throw new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down."));
                }

                status = await NextStatusAsync(request.Service, callEnded);
            }
        }
        catch (OperationCanceledException) when (callEnded.IsCancellationRequested)
        {
            // The client went away or the deadline passed: nothing is left to tell it.
        }
    }

    private async Task<ServingStatus> NextStatusAsync(string service, CancellationToken callEnded)
    {
        // Wake for the next report, or at once when the host finishes starting or begins stopping.
        var lifecycleChange = _lifetime.ApplicationStarted.IsCancellationRequested ? _lifetime.ApplicationStopping : _lifetime.ApplicationStarted;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(callEnded, lifecycleChange);
        try
        {
            var report = await _monitor.NextReportAsync(wake.Token);
            return _evaluator.FromReport(service, report) ?? ServingStatus.ServiceUnknown;
        }
        catch (OperationCanceledException) when (!callEnded.IsCancellationRequested)
        {
            return await _evaluator.CheckAsync(service, callEnded) ?? ServingStatus.ServiceUnknown;
        }
    }
}
