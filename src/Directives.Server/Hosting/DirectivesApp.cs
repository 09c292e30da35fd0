namespace Directives.Server.Hosting;

/// <summary>
/// The server's composition, in one place so that <c>Program</c> and the integration tests build the
/// same application: the tests pass their own options (environment, content root) and a hook that
/// adds configuration or replaces services (a fixed <see cref="TimeProvider"/>) before it is composed.
/// </summary>
internal static class DirectivesApp
{
    public static WebApplication Build(string[] args) => Build(new WebApplicationOptions { Args = args });

    /// <summary>
    /// Serves until shutdown, or with <c>migrate</c> as the first argument runs <see cref="MigrateCommand"/>
    /// (the remaining arguments configure it as they configure the server). Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (MigrateCommand.IsInvoked(args))
        {
            await using var migrating = Build(args[1..]);
            return await MigrateCommand.RunAsync(migrating, CancellationToken.None);
        }

        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }

    /// <param name="options">Arguments, environment and content root of the host.</param>
    /// <param name="configure">
    /// Runs before the server's services are added: configuration added here is seen by every option,
    /// and services registered here win over the defaults the server only adds when missing (TimeProvider).
    /// </param>
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        builder.Services.AddDirectivesServer(builder.Configuration, builder.Environment);
        builder.Services.AddDirectivesTelemetry(builder.Configuration);

        var app = builder.Build();
        app.UseDirectivesTenancy();
        app.MapDirectivesEndpoints();
        return app;
    }
}
