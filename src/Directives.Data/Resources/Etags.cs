using System.Buffers.Text;
using System.Security.Cryptography;

namespace Directives.Data.Resources;

/// <summary>New etags: 96 random bits as 16 URL-safe characters, opaque and never reused.</summary>
internal static class Etags
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
