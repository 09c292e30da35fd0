using Directives.Transport.Services.Tests.Infrastructure;

namespace Directives.Transport.Services.Tests.Reflection;

/// <summary>
/// grpcurl-style discovery by a third-party client: python3-grpcio, with no .proto file, lists the services
/// over reflection v1 and v1alpha, builds every type from the descriptors it fetched, and calls the test
/// service and the health service generically (tests/peers/python/reflection_client.py).
/// </summary>
public class PythonReflectionClientTests
{
    [Fact]
    public async Task AGenericPythonClientDiscoversAndCallsTheServer()
    {
        await using var server = await RunningServer.StartAsync();

        var (exitCode, output) = await PythonGrpc.RunAsync("reflection_client.py", TestTimeout.Token(), server.Target);

        Assert.True(exitCode == 0, "reflection_client.py failed:\n" + output);
        Assert.Contains("v1 list_services: directives.testing.lifecycle.v1.LifecycleTestService", output, StringComparison.Ordinal);
        Assert.Contains("v1alpha list_services: directives.testing.lifecycle.v1.LifecycleTestService", output, StringComparison.Ordinal);
        Assert.Contains("generic call directives.testing.lifecycle.v1.LifecycleTestService/Describe", output, StringComparison.Ordinal);
        Assert.Contains("health Check '': SERVING", output, StringComparison.Ordinal);
        Assert.EndsWith("reflection client: all checks passed\n", output, StringComparison.Ordinal);
    }
}
