using Directives.Data.Changes;
using Directives.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directives.Data;

/// <summary>Builds a <see cref="ProvinceDbContext"/> on the provider and database <see cref="StorageOptions"/> name for a province.</summary>
public sealed class ProvinceDbContextFactory : IProvinceDbContextFactory
{
    private readonly IOptionsMonitor<StorageOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IInterceptor[] _interceptors;
    private readonly IChangeCommitListener[] _commitListeners;
    private SqlitePragmas? _sqlitePragmas;

    /// <param name="options">Where the databases are.</param>
    /// <param name="timeProvider">The clock of commit times.</param>
    /// <param name="interceptors">EF interceptors added to every context (the IInterceptor services in DI), for example for diagnostics.</param>
    /// <param name="loggerFactory">Where EF logs.</param>
    /// <param name="commitListeners">Told of every committed save's change log entries (the IChangeCommitListener services in DI).</param>
    public ProvinceDbContextFactory(
        IOptionsMonitor<StorageOptions> options,
        TimeProvider timeProvider,
        IEnumerable<IInterceptor>? interceptors = null,
        ILoggerFactory? loggerFactory = null,
        IEnumerable<IChangeCommitListener>? commitListeners = null)
    {
        _commitListeners = commitListeners?.ToArray() ?? [];
        _options = options;
        _timeProvider = timeProvider;
        _interceptors = interceptors?.ToArray() ?? [];
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public Task<ProvinceDbContext> CreateAsync(string provinceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _options.CurrentValue;
        var connectionString = ProvinceConnectionStrings.For(options, provinceId);
        var builder = new DbContextOptionsBuilder<ProvinceDbContext>().UseLoggerFactory(_loggerFactory).AddInterceptors(_interceptors);
        if (options.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
            builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmasFor(options.SqliteBusyTimeout));
        }
        else
        {
            builder.UseNpgsql(connectionString);
        }

        // The migrations are written by hand (Microsoft.EntityFrameworkCore.Design is not available to
        // generate them) and there is no model snapshot to compare the model with, so EF would report
        // every model as having pending changes. The schema is instead proven equal to the model by
        // MigrationSchemaTests, which compares a migrated database with one EF creates from the model.
        builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

        var settings = new ProvinceDbContextSettings(provinceId, _timeProvider, options.IdempotencyRetention, options.SoftDeleteRetention)
        {
            CommitListeners = _commitListeners,
        };
        return Task.FromResult(new ProvinceDbContext(builder.Options, settings));
    }

    // One interceptor instance for all contexts, so EF shares one internal service provider among them.
    private SqlitePragmas SqlitePragmasFor(TimeSpan busyTimeout)
    {
        var current = _sqlitePragmas;
        if (current is null || current.BusyTimeout != busyTimeout)
        {
            current = new SqlitePragmas(busyTimeout);
            _sqlitePragmas = current;
        }

        return current;
    }
}
