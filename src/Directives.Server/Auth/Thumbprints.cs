using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Directives.Server.Auth;

/// <summary>Certificate thumbprints as configured (any case, with spaces or colons) and as computed.</summary>
internal static class Thumbprints
{
    /// <summary>Upper-case hex without separators, or null unless it is 40 (SHA-1) or 64 (SHA-256) hex digits.</summary>
    public static string? Normalize(string? thumbprint)
    {
        if (thumbprint is null)
        {
            return null;
        }

        var hex = thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return (hex.Length == 40 || hex.Length == 64) && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    /// <summary>The certificate's SHA-256 and SHA-1 thumbprints, in <see cref="Normalize"/>'s form.</summary>
    public static (string Sha256, string Sha1) Of(X509Certificate2 certificate) =>
        (certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.GetCertHashString(HashAlgorithmName.SHA1));
}
