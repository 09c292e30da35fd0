using Directives.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Directives.Server.Tests.Tenancy.Isolation;

/// <summary>
/// Every method of every directives.v1 service, read from the generated descriptors so that a method
/// added to the contract joins the isolation matrix without anyone listing it.
/// </summary>
internal static class ContractMethods
{
    /// <summary>The services whose calls carry a province's data; the registry services are checked apart.</summary>
    public static readonly IReadOnlySet<string> RegistryServices = new HashSet<string>
    {
        "directives.v1.ProvinceService",
        "directives.v1.ProvinceAdminService",
    };

    public static IReadOnlyList<MethodDescriptor> All { get; } = typeof(DirectiveService).Assembly.GetTypes()
        .Select(type => type.GetProperty("Descriptor")?.GetValue(null))
        .OfType<ServiceDescriptor>()
        .Where(service => service.FullName.StartsWith("directives.v1.", StringComparison.Ordinal))
        .SelectMany(service => service.Methods)
        .OrderBy(method => method.FullName, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<MethodDescriptor> ProvinceData => All.Where(m => !RegistryServices.Contains(m.Service.FullName));

    /// <summary>Methods that change something: the standard and custom methods that are neither Get, List, Watch, Summarize nor Export.</summary>
    public static bool IsMutation(MethodDescriptor method)
        => !new[] { "Get", "List", "Watch", "Summarize", "Export" }.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A method called with raw bytes, so one invoker serves every request and response type.</summary>
    public static Method<byte[], byte[]> Raw(MethodDescriptor method)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var bytes = Marshallers.Create(static (byte[] b) => b, static b => b);
        return new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, bytes, bytes);
    }

    public static byte[] Serialize(IMessage message) => message.ToByteArray();
}
