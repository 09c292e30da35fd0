namespace Directives.Server.Hosting;

/// <summary>
/// <c>Directives.Server migrate [configuration arguments]</c>: applies the pending migrations of every
/// province that is not disabled, then exits without serving: 0 when every database is migrated, 1
/// otherwise. The Helm chart's pre-install/pre-upgrade Job runs it once per release, so replicas start
/// on migrated databases (their own startup migration then finds nothing to do).
/// </summary>
internal static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Builds the application as the server does, without starting it, and migrates.</summary>
    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (migrated, count) = await app.Services.GetRequiredService<ProvinceMigrations>().MigrateAllAsync(cancellationToken);
        return migrated.Count == count ? 0 : 1;
    }
}
