using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Directives.Server.Telemetry;

/// <summary>
/// A client span per SQLite command, following the database conventions (<c>db.system.name</c>,
/// <c>db.namespace</c> the province's database, <c>db.operation.name</c>), as a child of the call's server
/// span. Npgsql emits its own spans (source <c>Npgsql</c>) and Microsoft.Data.Sqlite none, hence this
/// interceptor, which leaves PostgreSQL commands alone. The command text is not recorded: EF Core
/// parameterizes values, but a literal in a query could still carry personal data.
/// </summary>
internal sealed class DatabaseCommandTracing : DbCommandInterceptor
{
    public const string SourceName = "Directives.Storage";
    private const string ActivityName = "Directives.Storage.Command";
    private static readonly ActivitySource Source = new(SourceName);

    private readonly ConcurrentDictionary<Guid, Activity> _running = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData, exception: null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, exception: null);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData, exception: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, exception: null);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData, exception: null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData, exception: null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(eventData, new OperationCanceledException());

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData, new OperationCanceledException());
        return Task.CompletedTask;
    }

    /// <summary>The first keyword of the statement (<c>SELECT</c>, <c>INSERT</c>, …), upper-cased.</summary>
    internal static string OperationOf(string commandText)
    {
        var text = commandText.AsSpan().TrimStart();
        var end = 0;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end == 0 ? "EXECUTE" : text[..end].ToString().ToUpperInvariant();
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        if (command.Connection is not SqliteConnection connection || !Source.HasListeners())
        {
            return;
        }

        var activity = Source.StartActivity(ActivityName, ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        var database = Path.GetFileNameWithoutExtension(connection.DataSource);
        var operation = OperationOf(command.CommandText);
        activity.DisplayName = operation + " " + database;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", "sqlite");
            activity.SetTag("db.namespace", database);
            activity.SetTag("db.operation.name", operation);
        }

        _running[eventData.CommandId] = activity;
    }

    private void Stop(CommandEndEventData eventData, Exception? exception)
    {
        if (!_running.TryRemove(eventData.CommandId, out var activity))
        {
            return;
        }

        if (exception is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception is SqliteException sqlite ? sqlite.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().FullName);
        }

        activity.Stop();
    }
}
