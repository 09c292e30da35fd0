using Directives.Testing.V1;
using Grpc.Core;

namespace Directives.Transport.Tests;

public class GeneratedCodeTests
{
    [Fact]
    public void GeneratedMethodsDescribeEveryCallKind()
    {
        var definition = ConformanceService.BindService(new EmptyService());
        var binder = new RecordingBinder();

        definition.BindService(binder);

        Assert.Equal(
            [
                ("/directives.testing.v1.ConformanceService/Unary", MethodType.Unary),
                ("/directives.testing.v1.ConformanceService/ServerStream", MethodType.ServerStreaming),
                ("/directives.testing.v1.ConformanceService/ClientStream", MethodType.ClientStreaming),
                ("/directives.testing.v1.ConformanceService/Duplex", MethodType.DuplexStreaming),
                ("/directives.testing.v1.ConformanceService/GetCallRecord", MethodType.Unary),
            ],
            binder.Methods);
    }

    [Fact]
    public async Task UnoverriddenMethodIsUnimplemented()
    {
        var service = new EmptyService();

        var exception = await Assert.ThrowsAsync<RpcException>(() => service.Unary(new EchoRequest(), null!));

        Assert.Equal(StatusCode.Unimplemented, exception.StatusCode);
    }

    private sealed class EmptyService : ConformanceService.ConformanceServiceBase;

    private sealed class RecordingBinder : ServiceBinderBase
    {
        public List<(string, MethodType)> Methods { get; } = [];

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add((method.FullName, method.Type));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add((method.FullName, method.Type));
    }
}
