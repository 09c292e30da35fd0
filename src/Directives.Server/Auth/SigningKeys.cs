using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Directives.Server.Auth;

/// <summary>Reads the signing keys of <see cref="AuthOptions"/>: base64 HMAC keys or PEM RSA public keys.</summary>
internal static class SigningKeys
{
    /// <summary>HS256 needs a key at least as long as its hash; shorter keys are guessable.</summary>
    public const int MinimumSymmetricKeyBytes = 32;

    private const string PemMarker = "-----BEGIN";

    /// <summary>The key, or null with <paramref name="problem"/> saying why it cannot be used.</summary>
    public static SecurityKey? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the key is empty";
            return null;
        }

        text = text.Trim();
        if (text.StartsWith(PemMarker, StringComparison.Ordinal))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception exception) when (exception is ArgumentException or CryptographicException)
            {
                problem = "the PEM text is not an RSA public key: " + exception.Message;
                return null;
            }
        }

        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            problem = "the key is neither base64 nor a PEM RSA public key";
            return null;
        }

        if (length < MinimumSymmetricKeyBytes)
        {
            problem = $"a symmetric key needs at least {MinimumSymmetricKeyBytes} bytes, this one has {length}";
            return null;
        }

        return new SymmetricSecurityKey(bytes[..length]);
    }
}
