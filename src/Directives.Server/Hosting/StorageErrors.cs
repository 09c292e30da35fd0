using System.Data.Common;
using Directives.Data.Errors;
using Directives.Server.Api;
using Directives.Server.Tenancy;

namespace Directives.Server.Hosting;

/// <summary>
/// How the Data layer's failures reach callers, registered on the API error interceptor: a stale etag
/// caught at save time is ABORTED as an etag the service compared; a broken unique index is
/// ALREADY_EXISTS (the services check first and name the other resource; this covers the race); a
/// database that cannot be reached is UNAVAILABLE, so that clients retry with backoff.
/// </summary>
internal static class StorageErrors
{
    public static void Register(ApiErrorOptions options)
    {
        options
            .Map<ConcurrencyConflictException>((_, context) => ApiErrors.EtagMismatch(context.ResourceName))
            .Map<DuplicateKeyException>((exception, context) => exception.Key is UniqueKey.DirectiveNumber or UniqueKey.TaskNumber
                ? ApiErrors.DuplicateNumber(context.ResourceName)
                : ApiErrors.AlreadyExists(context.ResourceName))
            .Map<ProvinceDatabaseNotConfiguredException>((exception, _) => ApiErrors.StorageUnavailable(exception.ProvinceId))
            .Map<ProvinceStorageUnavailableException>((exception, _) => ApiErrors.StorageUnavailable(exception.ProvinceId))
            .Map<DbException>((exception, context) => IsUnavailable(exception) ? ApiErrors.StorageUnavailable(ProvinceOf(context.ResourceName)) : null);
    }

    // Connection failures and SQLite's busy or locked database are worth a retry; constraint and SQL errors are not.
    private static bool IsUnavailable(DbException exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.IsTransient,
        Npgsql.NpgsqlException => true,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        _ => exception.IsTransient,
    };

    private static string ProvinceOf(string resourceName)
        => resourceName.StartsWith("provinces/", StringComparison.Ordinal) ? resourceName.Split('/')[1] : "";
}
