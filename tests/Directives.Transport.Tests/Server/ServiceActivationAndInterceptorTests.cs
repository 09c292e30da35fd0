using Directives.Testing.V1;
using Directives.Transport.Tests.Infrastructure;
using Directives.Transport.Tests.TestService;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Directives.Transport.Tests.Server;

/// <summary>Services and interceptors resolved per call: from DI when registered, else created and disposed by the call.</summary>
public class ServiceActivationAndInterceptorTests
{
    [Fact]
    public async Task AnUnregisteredServiceIsCreatedPerCallInTheRequestScope()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureServices = grpc => grpc.Services.AddScoped<ScopeProbe>(),
            MapTestService = false,
            ConfigureEndpoints = app => app.MapGrpcService<ProbeService>(),
        });
        using var client = server.CreateHttpClient();

        var probeA = await CallProbeAsync(client);
        var probeB = await CallProbeAsync(client);

        Assert.NotEqual(probeA.Service, probeB.Service);
        Assert.NotEqual(probeA.Scope, probeB.Scope);
        Assert.True(probeA.ScopeSeenByService);
        await WaitForAsync(() => ProbeService.Disposed.Contains(probeA.Service));
    }

    [Fact]
    public async Task InterceptorsComeFromDiWhenRegisteredAndAreCreatedWithArgumentsOtherwise()
    {
        var sharedInterceptor = new CountingInterceptor("shared");
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options =>
            {
                options.Interceptors.Add<CountingInterceptor>("from-di-ignored");
                options.Interceptors.Add<DisposableInterceptor>();
            },
            ConfigureServices = grpc => grpc.Services.AddSingleton(sharedInterceptor),
        });
        using var client = server.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest())).StatusCode);
        }

        Assert.Equal(3, sharedInterceptor.Calls);
        await WaitForAsync(() => DisposableInterceptor.Disposals >= 3);
    }

    [Fact]
    public async Task InterceptorsWrapEveryCallKind()
    {
        await using var server = await GrpcTestServer.StartAsync(new GrpcTestServerOptions
        {
            ConfigureGrpc = options => options.Interceptors.Add<TrailerInterceptor>(),
        });
        using var client = server.CreateHttpClient();

        foreach (var method in new[] { "Unary", "ServerStream", "ClientStream", "Duplex" })
        {
            var response = await RawGrpc.UnaryAsync(client, method, new EchoRequest { ResponseCount = 1 });
            Assert.Equal(0, response.StatusCode);
            Assert.Equal(method, response.Trailer("x-intercepted"));
        }
    }

    private static async Task<(string Service, string Scope, bool ScopeSeenByService)> CallProbeAsync(HttpClient client)
    {
        var response = await RawGrpc.UnaryAsync(client, "Unary", new EchoRequest());
        Assert.Equal(0, response.StatusCode);
        var parts = response.Message(EchoResponse.Parser).Message.Split('|');
        return (parts[0], parts[1], parts[2] == parts[1]);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; !condition() && i < 500; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    public sealed class ScopeProbe
    {
        public string Id { get; } = Guid.NewGuid().ToString();
    }

    /// <summary>Answers "service id|scope id (from HttpContext)|scope id (from its constructor)".</summary>
    public sealed class ProbeService(ScopeProbe probe) : ConformanceService.ConformanceServiceBase, IDisposable
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<string> Disposed = [];

        private readonly string _id = Guid.NewGuid().ToString();

        public override Task<EchoResponse> Unary(EchoRequest request, ServerCallContext context)
        {
            var scope = context.GetHttpContext().RequestServices.GetRequiredService<ScopeProbe>();
            return Task.FromResult(new EchoResponse { Message = _id + "|" + scope.Id + "|" + probe.Id });
        }

        public void Dispose() => Disposed.Add(_id);
    }

    public sealed class CountingInterceptor(string name) : Interceptor
    {
        private int _calls;

        public int Calls => _calls;

        public string Name { get; } = name;

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Interlocked.Increment(ref _calls);
            return continuation(request, context);
        }
    }

    public sealed class DisposableInterceptor : Interceptor, IAsyncDisposable
    {
        private static int _disposals;

        public static int Disposals => _disposals;

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref _disposals);
            return default;
        }
    }

    public sealed class TrailerInterceptor : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            context.ResponseTrailers.Add("x-intercepted", "Unary");
            return await continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            context.ResponseTrailers.Add("x-intercepted", "ServerStream");
            return continuation(request, responseStream, context);
        }

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            context.ResponseTrailers.Add("x-intercepted", "ClientStream");
            return continuation(requestStream, context);
        }

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            context.ResponseTrailers.Add("x-intercepted", "Duplex");
            return continuation(requestStream, responseStream, context);
        }
    }
}
