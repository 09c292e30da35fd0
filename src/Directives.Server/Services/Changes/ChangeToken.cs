using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Directives.Data.Changes;

namespace Directives.Server.Services.Changes;

/// <summary>
/// A position in a province's change feed: the province, the sequence number of the last change
/// delivered, and a fingerprint of that change. The sequence is the feed's own gapless commit order, so
/// the token needs no server state and stays valid across restarts and replicas; the fingerprint, of the
/// change's name, etag and commit time, tells a token of this database from one issued by a database
/// that was recreated since (whose change with that number is another). Opaque to clients: base64url
/// of a version byte, the province, the sequence and the fingerprint. Not signed: it grants nothing, a
/// caller reads only its own province's feed.
/// </summary>
internal readonly record struct ChangeToken(string ProvinceId, long Sequence, ulong Fingerprint)
{
    private const byte Version = 1;
    private const int MaxProvinceBytes = 63;

    /// <summary>Before the first change of <paramref name="provinceId"/>'s feed.</summary>
    public static ChangeToken Start(string provinceId) => new(provinceId, 0, 0);

    /// <summary>Right after <paramref name="change"/>.</summary>
    public static ChangeToken After(string provinceId, ChangeRecord change) => new(provinceId, change.Sequence, FingerprintOf(change));

    public static ulong FingerprintOf(ChangeRecord change)
    {
        var text = string.Join('\n', change.Sequence, change.ResourceName, change.Etag ?? "", change.CommitTicks);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>The token, or null when <paramref name="text"/> is not one this server issues.</summary>
    public static ChangeToken? TryParse(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < 2 || bytes[0] != Version)
        {
            return null;
        }

        int length = bytes[1];
        if (length is 0 or > MaxProvinceBytes || bytes.Length != 2 + length + sizeof(long) + sizeof(ulong))
        {
            return null;
        }

        var body = bytes.AsSpan(2);
        string province;
        try
        {
            province = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body[..length]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var sequence = BinaryPrimitives.ReadInt64LittleEndian(body[length..]);
        var fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(body[(length + sizeof(long))..]);
        return sequence < 0 || (sequence == 0 && fingerprint != 0) ? null : new ChangeToken(province, sequence, fingerprint);
    }

    public override string ToString()
    {
        var province = Encoding.UTF8.GetBytes(ProvinceId);
        var bytes = new byte[2 + province.Length + sizeof(long) + sizeof(ulong)];
        bytes[0] = Version;
        bytes[1] = checked((byte)province.Length);
        province.CopyTo(bytes, 2);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(2 + province.Length), Sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(2 + province.Length + sizeof(long)), Fingerprint);
        return Base64Url.EncodeToString(bytes);
    }
}
