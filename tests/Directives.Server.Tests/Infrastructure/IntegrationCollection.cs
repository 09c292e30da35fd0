namespace Directives.Server.Tests.Infrastructure;

/// <summary>
/// The collection of every test class that runs the real server (<see cref="DirectivesServerFixture"/>).
/// Its classes run one after the other, which keeps a two-core machine responsive and lets them share
/// one PostgreSQL server, stopped when the collection ends.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<IntegrationCollection.PostgresLifetime>
{
    public const string Name = "Server integration";

    /// <summary>Stops the shared PostgreSQL server, if a fixture started it, after the collection's last class.</summary>
    public sealed class PostgresLifetime : IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => SharedPostgres.StopAsync();
    }
}
