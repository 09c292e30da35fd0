using System.Diagnostics.CodeAnalysis;
using Grpc.Core.Protocol;
using Grpc.Net.Compression;

namespace Grpc.Net.Client;

/// <summary>The message encodings a channel supports, by name.</summary>
internal sealed class CompressionProviderMap
{
    private readonly ICompressionProvider[] _providers;

    public CompressionProviderMap(IList<ICompressionProvider>? providers)
    {
        _providers = providers is null ? [new GzipCompressionProvider()] : [.. providers];
        var names = new string[_providers.Length + 1];
        names[0] = GrpcProtocolConstants.IdentityEncoding;
        for (var i = 0; i < _providers.Length; i++)
        {
            names[i + 1] = _providers[i].EncodingName;
        }

        AcceptEncoding = string.Join(',', names);
    }

    /// <summary>The <c>grpc-accept-encoding</c> value: identity, then every provider.</summary>
    public string AcceptEncoding { get; }

    public bool TryGet(string encodingName, [NotNullWhen(true)] out ICompressionProvider? provider)
    {
        // A linear scan: there are one or two providers, and it allocates nothing.
        foreach (var candidate in _providers)
        {
            if (string.Equals(candidate.EncodingName, encodingName, StringComparison.OrdinalIgnoreCase))
            {
                provider = candidate;
                return true;
            }
        }

        provider = null;
        return false;
    }
}
