using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Directives.Server.Auth;

/// <summary>
/// Mutual TLS, bound from <c>Auth:ClientCertificates</c>:
/// <code>
/// "ClientCertificates": {
///   "Mode": "AllowCertificate",        // Kestrel's ClientCertificateMode; NoCertificate (the default) turns mTLS off
///   "Mappings": [
///     { "Thumbprint": "SHA-256 or SHA-1 hex", "Subject": "svc-cong-an-hung-yen",
///       "Province": "hung-yen", "Agency": "cong-an-tinh", "Roles": [ "officer" ] }
///   ]
/// }
/// </code>
/// The mapping is the trust: a certificate is accepted only when its thumbprint is listed (certificate
/// pinning), so a private CA or self-signed certificates work without a chain to a public root.
/// </summary>
internal sealed class ClientCertificateOptions
{
    public ClientCertificateMode Mode { get; set; } = ClientCertificateMode.NoCertificate;

    public List<ClientCertificateMapping> Mappings { get; set; } = [];
}
