using Directives.Transport.Services.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace Directives.Transport.Services.Tests.Reflection;

/// <summary>grpc.reflection.v1 over the services the test application maps.</summary>
public class ReflectionTests
{
    private const string TestService = "directives.testing.lifecycle.v1.LifecycleTestService";
    private const string ServiceFile = "directives/testing/lifecycle/v1/lifecycle.proto";

    [Fact]
    public async Task ListsEveryMappedServiceItselfIncluded()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            [TestService, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task AFileComesFirstWithAllItsTransitiveDependencies()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileByFilename = ServiceFile });

        var files = Files(response);
        Assert.Equal(ServiceFile, files[0].Name);
        Assert.Equal(
            [ServiceFile, "google/protobuf/duration.proto", "directives/testing/lifecycle/v1/shapes.proto", "google/protobuf/timestamp.proto", "directives/testing/lifecycle/v1/units.proto", "google/protobuf/descriptor.proto"],
            files.Select(f => f.Name));
        AssertSelfContained(files);
    }

    [Theory]
    [InlineData(TestService, ServiceFile)]
    [InlineData(TestService + ".Slow", ServiceFile)]
    [InlineData("directives.testing.lifecycle.v1.SlowRequest", ServiceFile)]
    [InlineData("directives.testing.lifecycle.v1.Shape", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.Shape.Point", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.Shape.Kind", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.Shape.CIRCLE", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.Shape.drawn_at", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.Shape.size", "directives/testing/lifecycle/v1/shapes.proto")]
    [InlineData("directives.testing.lifecycle.v1.unit", "directives/testing/lifecycle/v1/units.proto")]
    [InlineData(".google.protobuf.Timestamp", "google/protobuf/timestamp.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    public async Task FindsTheFileContainingASymbol(string symbol, string file)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol });

        var files = Files(response);
        Assert.Equal(file, files[0].Name);
        AssertSelfContained(files);
    }

    [Fact]
    public async Task AnswersExtensionQueries()
    {
        await using var server = await RunningServer.StartAsync();

        var file = await AskAsync(server, new ServerReflectionRequest { FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.FieldOptions", ExtensionNumber = 51234 } });
        var numbers = await AskAsync(server, new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.FieldOptions" });
        var none = await AskAsync(server, new ServerReflectionRequest { AllExtensionNumbersOfType = "directives.testing.lifecycle.v1.Shape" });

        Assert.Equal("directives/testing/lifecycle/v1/units.proto", Files(file)[0].Name);
        Assert.Equal("google.protobuf.FieldOptions", numbers.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Equal([51234], numbers.AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Empty(none.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public async Task UnknownNamesAreNotFoundAndTheStreamGoesOn()
    {
        await using var server = await RunningServer.StartAsync();
        var client = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = client.ServerReflectionInfo(cancellationToken: TestTimeout.Token());
        ServerReflectionRequest[] requests =
        [
            new() { FileByFilename = "no/such/file.proto" },
            new() { FileContainingSymbol = "no.such.Symbol" },
            new() { FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.FieldOptions", ExtensionNumber = 1 } },
            new() { AllExtensionNumbersOfType = "no.such.Message" },
            new() { ListServices = "", Host = "directives.example" },
        ];

        var responses = new List<ServerReflectionResponse>();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext(TestTimeout.Token()));
            responses.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(TestTimeout.Token()));
        Assert.All(responses[..4], r => Assert.Equal((int)StatusCode.NotFound, r.ErrorResponse.ErrorCode));
        Assert.Equal(requests, responses.Select(r => r.OriginalRequest));
        Assert.Equal("directives.example", responses[4].ValidHost);
        Assert.NotEmpty(responses[4].ListServicesResponse.Service);
    }

    [Fact]
    public async Task V1AlphaAnswersAsV1Does()
    {
        await using var server = await RunningServer.StartAsync();
        var request = new ServerReflectionRequest { FileContainingSymbol = TestService };

        var v1 = await AskAsync(server, request);
        var v1Alpha = await AskV1AlphaAsync(server, Grpc.Reflection.V1Alpha.ServerReflectionRequest.Parser.ParseFrom(Google.Protobuf.MessageExtensions.ToByteArray(request)));

        Assert.Equal(Google.Protobuf.MessageExtensions.ToByteArray(v1), Google.Protobuf.MessageExtensions.ToByteArray(v1Alpha));
    }

    [Fact]
    public async Task ConfigurationSwitchesReflectionOff()
    {
        await using var server = await RunningServer.StartAsync(configure: null, "--Grpc:Reflection:Enabled", "false");

        var v1 = await Assert.ThrowsAsync<RpcException>(() => AskAsync(server, new ServerReflectionRequest { ListServices = "" }));
        var v1Alpha = await Assert.ThrowsAsync<RpcException>(() => AskV1AlphaAsync(server, new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }));

        Assert.True(v1.StatusCode == StatusCode.Unimplemented, v1.ToString());
        Assert.True(v1Alpha.StatusCode == StatusCode.Unimplemented, v1Alpha.ToString());
    }

    private static async Task<ServerReflectionResponse> AskAsync(RunningServer server, ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo(cancellationToken: TestTimeout.Token());
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestTimeout.Token()));
        var response = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext(TestTimeout.Token()));
        return response;
    }

    private static async Task<Grpc.Reflection.V1Alpha.ServerReflectionResponse> AskV1AlphaAsync(RunningServer server, Grpc.Reflection.V1Alpha.ServerReflectionRequest request)
    {
        using var call = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo(cancellationToken: TestTimeout.Token());
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestTimeout.Token()));
        return call.ResponseStream.Current;
    }

    private static List<FileDescriptorProto> Files(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return [.. response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom)];
    }

    /// <summary>Every file's dependencies are in the answer, and the answer builds with nothing else.</summary>
    private static void AssertSelfContained(List<FileDescriptorProto> files)
    {
        var names = files.Select(f => f.Name).ToHashSet();
        Assert.Equal(files.Count, names.Count);
        Assert.All(files, file => Assert.All(file.Dependency, dependency => Assert.Contains(dependency, names)));
        var built = FileDescriptor.BuildFromByteStrings(files.Select(Google.Protobuf.MessageExtensions.ToByteString).Reverse());
        Assert.Equal(files.Count, built.Count);
    }
}
