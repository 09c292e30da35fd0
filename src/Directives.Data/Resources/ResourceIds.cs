using System.Text.RegularExpressions;

namespace Directives.Data.Resources;

/// <summary>The <c>{directive}</c>, <c>{task}</c>, <c>{agency}</c> segments of resource names: 1-63 of a-z, 0-9 and '-'.</summary>
public static partial class ResourceIds
{
    public const int MaxLength = 63;

    public static bool IsValid(string? resourceId) => resourceId is not null && Pattern().IsMatch(resourceId);

    /// <summary>A server-assigned id: 26 characters of lower-case base32 from a new Guid, valid and unguessable.</summary>
    public static string New() => FromGuid(Guid.NewGuid());

    /// <summary>The id the server assigns to a resource whose id it derives from its Guid (reports, compositions, members).</summary>
    public static string FromGuid(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<char> chars = stackalloc char[26];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[written++] = alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        chars[written] = alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }

    /// <summary>Reads back an id made by <see cref="FromGuid"/>; false for any other id.</summary>
    public static bool TryGetGuid(string? resourceId, out Guid id)
    {
        id = Guid.Empty;
        if (resourceId is not { Length: 26 })
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[17];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var c in resourceId)
        {
            var value = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[written++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        // 26 × 5 = 130 bits: 128 of the Guid and 2 padding bits that must be zero.
        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            return false;
        }

        id = new Guid(bytes[..16], bigEndian: true);
        return FromGuid(id) == resourceId;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
