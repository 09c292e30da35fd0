namespace Grpc.Net.Client;

/// <summary>What a channel computes once per method rather than once per call.</summary>
internal sealed class GrpcMethodInfo(Uri requestUri)
{
    /// <summary>The channel's address with the method's path, <c>/{service}/{method}</c>.</summary>
    public Uri RequestUri { get; } = requestUri;
}
