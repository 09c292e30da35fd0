using System.Collections.Frozen;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Directives.Server.Auth;

/// <summary>The callers that client certificates stand for, by thumbprint (<see cref="ClientCertificateOptions"/>).</summary>
internal sealed class ClientCertificateIdentities
{
    private readonly FrozenDictionary<string, CallerIdentity> _callers;

    public ClientCertificateIdentities(IOptions<AuthOptions> options)
    {
        var callers = new Dictionary<string, CallerIdentity>(StringComparer.Ordinal);
        foreach (var mapping in options.Value.ClientCertificates.Mappings)
        {
            // AuthOptionsValidator has refused unusable mappings at startup.
            if (Thumbprints.Normalize(mapping.Thumbprint) is { } thumbprint && ToCaller(mapping, out _) is { } caller)
            {
                callers[thumbprint] = caller;
            }
        }

        _callers = callers.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether any certificate is mapped.</summary>
    public bool IsEmpty => _callers.Count == 0;

    /// <summary>The caller the certificate is mapped to, by its SHA-256 or SHA-1 thumbprint; null when it is not mapped.</summary>
    public CallerIdentity? Find(X509Certificate2 certificate)
    {
        var (sha256, sha1) = Thumbprints.Of(certificate);
        return _callers.GetValueOrDefault(sha256) ?? _callers.GetValueOrDefault(sha1);
    }

    /// <summary>The caller a mapping describes, under the same claim rules as a token.</summary>
    public static CallerIdentity? ToCaller(ClientCertificateMapping mapping, out string? problem) =>
        CallerIdentityFactory.TryCreate(
            string.IsNullOrWhiteSpace(mapping.Subject) ? "cert:" + Thumbprints.Normalize(mapping.Thumbprint) : mapping.Subject,
            displayName: null,
            mapping.Province,
            mapping.Agency,
            mapping.Roles,
            out problem);
}
