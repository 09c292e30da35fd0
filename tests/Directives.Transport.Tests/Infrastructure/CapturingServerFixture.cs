using Directives.Transport.Tests.TestService;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.Tests.Infrastructure;

/// <summary>
/// An h2c test server whose calls pass a global and a per-service <see cref="CapturingInterceptor"/>,
/// with gzip response compression configured.
/// </summary>
public sealed class CapturingServerFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public CallContextCapture Capture => (CallContextCapture)Server.Services.GetRequiredService(typeof(CallContextCapture));

    public async Task InitializeAsync() => Server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
    {
        ConfigureGrpc = options =>
        {
            options.Interceptors.Add<CapturingInterceptor>(CapturingInterceptor.ActingName);
            options.ResponseCompressionAlgorithm = "gzip";
        },
        ConfigureServices = grpc =>
        {
            grpc.Services.AddSingleton<CallContextCapture>();
            grpc.AddServiceOptions<ConformanceTestService>(options => options.Interceptors.Add<CapturingInterceptor>("service"));
        },
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
