using Directives.Data.Changes;
using Directives.Data.Storage;
using Directives.Testing.Postgres;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Directives.Data.Tests.Infrastructure;

/// <summary>A province database of one test, with the Data services configured as the Server configures them.</summary>
public sealed class TestProvince
{
    private readonly IInterceptor[] _interceptors;

    private TestProvince(
        StorageTarget target, string provinceId, StorageOptions options, TimeProvider timeProvider, IInterceptor[] interceptors, IChangeCommitListener[]? listeners = null)
    {
        Target = target;
        ProvinceId = provinceId;
        Options = options;
        _interceptors = interceptors;
        Factory = new ProvinceDbContextFactory(new StaticOptionsMonitor(options), timeProvider, interceptors, commitListeners: listeners);
        Migrator = new ProvinceDatabaseMigrator(Factory);
    }

    public StorageTarget Target { get; }

    public string ProvinceId { get; }

    public StorageOptions Options { get; }

    public ProvinceDbContextFactory Factory { get; }

    public ProvinceDatabaseMigrator Migrator { get; }

    public Task<ProvinceDbContext> OpenAsync() => Factory.CreateAsync(ProvinceId, CancellationToken.None);

    /// <summary>The same database, opened through contexts with <paramref name="interceptors"/>.</summary>
    public TestProvince With(params IInterceptor[] interceptors) => new(Target, ProvinceId, Options, TimeProvider.System, interceptors);

    /// <summary>The same database, opened through contexts that tell <paramref name="listeners"/> of their commits.</summary>
    public TestProvince Telling(params IChangeCommitListener[] listeners) => new(Target, ProvinceId, Options, TimeProvider.System, _interceptors, listeners);

    internal static TestProvince Create(StorageTarget target, string provinceId, string sqliteRoot, PostgresServer? postgres, TimeProvider timeProvider)
    {
        var options = target == StorageTarget.Sqlite
            ? new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = sqliteRoot }
            : new StorageOptions
            {
                Provider = StorageProvider.PostgreSql,
                ConnectionStringTemplate = (postgres ?? throw new InvalidOperationException("PostgreSQL has not started."))
                    .ConnectionString("directives_" + StorageOptions.ProvincePlaceholder),
            };
        return new TestProvince(target, provinceId, options, timeProvider, []);
    }

    private sealed class StaticOptionsMonitor(StorageOptions value) : IOptionsMonitor<StorageOptions>
    {
        public StorageOptions CurrentValue => value;

        public StorageOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<StorageOptions, string?> listener) => null;
    }
}
