using System.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Grpc.AspNetCore.Server.Reflection.Internal;

/// <summary>
/// Finds the protobuf descriptors of the services mapped with <c>MapGrpcService</c>, from the endpoints'
/// <see cref="GrpcMethodMetadata"/>. Runs once: the result is cached by <see cref="ReflectionIndex"/>.
/// </summary>
internal static class ServiceDescriptorDiscovery
{
    public static IReadOnlyList<ServiceDescriptor> Discover(EndpointDataSource endpoints)
    {
        var serviceTypes = new HashSet<Type>();
        var descriptors = new List<ServiceDescriptor>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } metadata
                && serviceTypes.Add(metadata.ServiceType)
                && FindDescriptor(metadata.ServiceType) is { } descriptor
                && names.Add(descriptor.FullName))
            {
                descriptors.Add(descriptor);
            }
        }

        return descriptors;
    }

    /// <summary>
    /// Generated code nests the service base class <c>Foo.FooBase</c> (marked with
    /// <see cref="BindServiceMethodAttribute"/>) in the static class <c>Foo</c>, whose static
    /// <c>Descriptor</c> property is the service's descriptor.
    /// </summary>
    private static ServiceDescriptor? FindDescriptor(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            var bindService = type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
            if (bindService is not null)
            {
                var property = bindService.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
                return property?.GetValue(null) as ServiceDescriptor;
            }
        }

        return null;
    }
}
