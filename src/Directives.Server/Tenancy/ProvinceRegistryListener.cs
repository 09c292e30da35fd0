using Microsoft.Extensions.Options;
using Npgsql;

namespace Directives.Server.Tenancy;

/// <summary>
/// Keeps this replica's <see cref="PostgresProvinceRegistry"/> snapshot current: a dedicated connection
/// <c>LISTEN</c>s on <see cref="PostgresProvinceRegistry.ChangedChannel"/> and the table is reread on every
/// notification, and every <see cref="ProvinceRegistryOptions.ReloadInterval"/> in case one was missed.
/// A broken connection is reopened after a growing pause; reads keep the last snapshot meanwhile.
/// </summary>
internal sealed partial class ProvinceRegistryListener(
    PostgresProvinceRegistry registry,
    IOptions<ProvinceRegistryOptions> options,
    ILogger<ProvinceRegistryListener> logger) : BackgroundService
{
    /// <summary>The <c>application_name</c> of the listening connection, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "directives-province-registry-listener";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReloadInterval;
        var connectionString = new NpgsqlConnectionStringBuilder(options.Value.ControlDatabase)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            KeepAlive = 30,
        }.ConnectionString;
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgresProvinceRegistry.ChangedChannel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening now: reread what changed while this replica was not.
                await registry.ReloadAsync(stoppingToken);
                retryDelay = FirstRetryDelay;
                while (true)
                {
                    // True on a notification, false when the interval passed without one: reread either way.
                    await connection.WaitAsync(interval, stoppingToken);
                    await registry.ReloadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception, retryDelay);
                try
                {
                    await Task.Delay(retryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for province registry changes failed; retrying in {RetryDelay}.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan retryDelay);
}
