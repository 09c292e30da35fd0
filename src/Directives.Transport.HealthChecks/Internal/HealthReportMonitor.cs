using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.HealthChecks.Internal;

/// <summary>
/// Runs every health check once per <see cref="GrpcHealthChecksOptions.WatchInterval"/> while at least one
/// Watch call is open, and hands each report to all watchers: checks run once per interval, however many
/// clients watch, and not at all when none does.
/// </summary>
internal sealed partial class HealthReportMonitor : BackgroundService
{
    private readonly HealthCheckService _healthChecks;
    private readonly IOptionsMonitor<GrpcHealthChecksOptions> _options;
    private readonly ILogger<HealthReportMonitor> _logger;
    private readonly Lock _lock = new();
    private int _watchers;
    private TaskCompletionSource _watched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<HealthReport> _nextReport = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HealthReportMonitor(HealthCheckService healthChecks, IOptionsMonitor<GrpcHealthChecksOptions> options, ILogger<HealthReportMonitor> logger)
    {
        _healthChecks = healthChecks;
        _options = options;
        _logger = logger;
    }

    /// <summary>Keeps the checks running until the returned subscription is disposed.</summary>
    public IDisposable Subscribe()
    {
        lock (_lock)
        {
            if (_watchers++ == 0)
            {
                _watched.TrySetResult();
            }
        }

        return new Subscription(this);
    }

    /// <summary>The next report published after this call.</summary>
    public Task<HealthReport> NextReportAsync(CancellationToken cancellationToken)
    {
        Task<HealthReport> next;
        lock (_lock)
        {
            next = _nextReport.Task;
        }

        return next.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                Task watched;
                lock (_lock)
                {
                    watched = _watched.Task;
                }

                await watched.WaitAsync(stoppingToken);
                await Task.Delay(_options.CurrentValue.WatchInterval, stoppingToken);
                await PublishAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; watchers end on ApplicationStopping themselves.
        }
    }

    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        HealthReport report;
        try
        {
            report = await _healthChecks.CheckHealthAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // HealthCheckService reports a failing check as Unhealthy itself; this is a failure of the
            // service, which the next interval retries rather than stopping the host.
            LogCheckFailed(_logger, exception);
            return;
        }

        TaskCompletionSource<HealthReport> published;
        lock (_lock)
        {
            published = _nextReport;
            _nextReport = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        published.SetResult(report);
    }

    private void Unsubscribe()
    {
        lock (_lock)
        {
            if (--_watchers == 0)
            {
                _watched = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running the health checks for gRPC health watchers failed.")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    private sealed class Subscription(HealthReportMonitor monitor) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                monitor.Unsubscribe();
            }
        }
    }
}
