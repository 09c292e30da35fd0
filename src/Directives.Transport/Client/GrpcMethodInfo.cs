using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>What a channel computes once per method rather than once per call.</summary>
internal sealed class GrpcMethodInfo(Uri requestUri, IMethod method)
{
    /// <summary>The channel's address with the method's path, <c>/{service}/{method}</c>.</summary>
    public Uri RequestUri { get; } = requestUri;

    public string ServiceName { get; } = method.ServiceName;

    public string MethodName { get; } = method.Name;

    /// <summary>The span name the RPC conventions give a call: <c>{service}/{method}</c>.</summary>
    public string SpanName { get; } = method.ServiceName + "/" + method.Name;
}
