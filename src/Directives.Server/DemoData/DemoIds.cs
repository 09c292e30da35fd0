using System.Security.Cryptography;
using System.Text;
using Directives.Domain.Search;

namespace Directives.Server.DemoData;

/// <summary>
/// Ids for demo resources. A resource id (the last segment of a resource name) is a readable slug;
/// the domain's <see cref="Guid"/> is derived from the full resource name, so every run builds the
/// same ids and the Data layer can seed idempotently (an existing id means "already seeded").
/// </summary>
internal static class DemoIds
{
    /// <summary>
    /// A name-based UUID (RFC 9562 version 8, SHA-256 of the resource name): stable across runs and
    /// machines, and never equal to a random (version 4) id that a client creates.
    /// </summary>
    public static Guid For(string resourceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(resourceName), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// A resource id from Vietnamese words: "Ủy ban nhân dân huyện Văn Lâm" → "uy-ban-nhan-dan-huyen-van-lam",
    /// "1102/QĐ-UBND" → "1102-qd-ubnd". Within the 63 characters the API allows.
    /// </summary>
    public static string Slug(string text)
    {
        var words = VietnameseText.Tokenize(text);
        var slug = string.Join('-', words);
        if (slug.Length == 0)
        {
            throw new ArgumentException($"'{text}' has no letters or digits to make an id from.", nameof(text));
        }

        return slug.Length <= 63 ? slug : slug[..63].TrimEnd('-');
    }
}
