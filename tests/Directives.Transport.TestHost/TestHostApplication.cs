using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.TestHost;

/// <summary>
/// The test server as an application wires it: the test service, health, reflection and graceful
/// shutdown. The tests build the same application in-process.
/// </summary>
public static class TestHostApplication
{
    /// <summary>The health service name mapped to the checks tagged <see cref="LifecycleTag"/>.</summary>
    public const string LifecycleServiceName = "directives.testing.lifecycle.v1.LifecycleTestService";

    public const string LifecycleTag = "lifecycle";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGrpc().AddGrpcGracefulShutdown();
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton<SwitchableHealthCheck>();
        builder.Services
            .AddGrpcHealthChecks(options => options.Services.Map(LifecycleServiceName, check => check.Tags.Contains(LifecycleTag)))
            .AddCheck<SwitchableHealthCheck>("switch", tags: [LifecycleTag]);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapGrpcService<LifecycleTestServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
