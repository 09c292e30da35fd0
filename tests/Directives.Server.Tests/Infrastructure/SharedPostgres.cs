using Directives.Testing.Postgres;

namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL server for the whole test run, started by the first fixture that needs it and
/// stopped when the integration collection ends (<see cref="IntegrationCollection"/>). Each server
/// fixture gets its own databases on it, by a prefix of its own. A missing PostgreSQL fails the tests.
/// </summary>
internal static class SharedPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;

    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _server ??= await PostgresServer.StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
                _server = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
