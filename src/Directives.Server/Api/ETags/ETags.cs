using System.Buffers.Text;
using System.Security.Cryptography;
using Google.Protobuf;

namespace Directives.Server.Api;

/// <summary>
/// Etags (AIP-154). An etag is opaque, strong and unquoted: 16 URL-safe characters (96 bits). Stored
/// resources get a random one on every write (the Data layer's <c>Etags.New</c>, same format); a
/// resource assembled on read, with nothing stored to hold an etag, gets one from its content
/// (<see cref="FromContent"/>). A client that wraps an etag in double quotes, as HTTP does, is
/// understood; weak (<c>W/</c>) etags are not used.
/// </summary>
internal static class ETags
{
    private const int Bytes = 12;

    /// <summary>An etag derived from the resource's serialized content (its own <c>etag</c> field must be empty).</summary>
    public static string FromContent(IMessage resource)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(resource.ToByteArray(), hash);
        return Base64Url.EncodeToString(hash[..Bytes]);
    }

    /// <summary>Whether <paramref name="sent"/> names <paramref name="current"/>; an empty one always does (the check is skipped).</summary>
    public static bool Matches(string? sent, string current)
    {
        if (string.IsNullOrEmpty(sent))
        {
            return true;
        }

        var unquoted = sent.Length >= 2 && sent[0] == '"' && sent[^1] == '"' ? sent.AsSpan(1, sent.Length - 2) : sent.AsSpan();
        return unquoted.SequenceEqual(current);
    }

    /// <summary>ABORTED (ETAG_MISMATCH) unless <paramref name="sent"/> is empty or <paramref name="current"/>.</summary>
    public static void EnsureCurrent(string? sent, string current, string resourceName)
    {
        if (!Matches(sent, current))
        {
            throw ApiErrors.EtagMismatch(resourceName);
        }
    }
}
