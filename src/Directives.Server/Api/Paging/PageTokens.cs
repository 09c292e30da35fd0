using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directives.Server.Api;

/// <summary>
/// Issues and reads page tokens: base64url of the <see cref="ListParameters.Hash"/> they were issued
/// for and the <see cref="PagePosition"/> to resume after, signed with HMAC-SHA256 (truncated to
/// 128 bits) under the server's key. Opaque to clients and tamper-evident; not secret (nothing in a
/// position is more than the client already received).
/// </summary>
internal sealed partial class PageTokens
{
    private const byte Version = 1;
    private const int MacLength = 16;
    private const int MinimumKeyLength = 32;
    private const string NotOurs = "is not a page token this server issued for this method";

    private readonly byte[] _signingKey;
    private readonly byte[][] _verificationKeys;

    public PageTokens(IOptions<PageTokenOptions> options, ILogger<PageTokens> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.SigningKey))
        {
            _signingKey = RandomNumberGenerator.GetBytes(MinimumKeyLength);
            LogEphemeralKey(logger, PageTokenOptions.SectionName);
        }
        else
        {
            _signingKey = DecodeKey(settings.SigningKey, nameof(PageTokenOptions.SigningKey));
        }

        _verificationKeys = [_signingKey, .. settings.PreviousSigningKeys.Select(k => DecodeKey(k, nameof(PageTokenOptions.PreviousSigningKeys)))];
    }

    /// <summary>The token for the page after <paramref name="position"/> of a call with <paramref name="parameters"/>.</summary>
    public string Create(ListParameters parameters, PagePosition position)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(parameters.Hash());
            writer.Write7BitEncodedInt(position.Values.Count);
            foreach (var value in position.Values)
            {
                PageTokenValues.Write(writer, value);
            }
        }

        var body = buffer.ToArray();
        var token = new byte[body.Length + MacLength];
        body.CopyTo(token, 0);
        Mac(_signingKey, body, token.AsSpan(body.Length));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>
    /// The position <paramref name="token"/> resumes after; null for an empty token (the first page).
    /// INVALID_ARGUMENT (INVALID_PAGE_TOKEN) on <c>page_token</c> for a token that was altered, was not
    /// issued by a server with this key, or was issued for other parameters.
    /// </summary>
    public PagePosition? Read(string? token, ListParameters parameters)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw ApiErrors.InvalidPageToken(NotOurs);
        }

        if (bytes.Length < 1 + ListParameters.HashLength + 1 + MacLength || bytes[0] != Version || !IsSigned(bytes))
        {
            throw ApiErrors.InvalidPageToken(NotOurs);
        }

        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(1, ListParameters.HashLength), parameters.Hash()))
        {
            throw ApiErrors.InvalidPageToken(
                "was issued for different request parameters (parent, filter, order_by, show_deleted or query); send them unchanged, or start again without a page_token");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 1 + ListParameters.HashLength, bytes.Length - 1 - ListParameters.HashLength - MacLength));
            var count = reader.Read7BitEncodedInt();
            var values = new object?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = PageTokenValues.Read(reader);
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? new PagePosition(values) : throw new FormatException();
        }
        catch (Exception exception) when (exception is FormatException or EndOfStreamException or ArgumentException or OverflowException)
        {
            throw ApiErrors.InvalidPageToken(NotOurs);
        }
    }

    private bool IsSigned(byte[] token)
    {
        var body = token.AsSpan(0, token.Length - MacLength);
        var mac = token.AsSpan(token.Length - MacLength);
        Span<byte> expected = stackalloc byte[MacLength];
        foreach (var key in _verificationKeys)
        {
            Mac(key, body, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, mac))
            {
                return true;
            }
        }

        return false;
    }

    private static void Mac(byte[] key, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, full);
        full[..MacLength].CopyTo(destination);
    }

    private static byte[] DecodeKey(string base64, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{PageTokenOptions.SectionName}:{setting} is not base64.");
        }

        return key.Length >= MinimumKeyLength
            ? key
            : throw new InvalidOperationException($"{PageTokenOptions.SectionName}:{setting} must be at least {MinimumKeyLength} bytes.");
    }

    [LoggerMessage(1, LogLevel.Warning, "{Section}:SigningKey is not set: page tokens are signed with a random key and only work on this replica until it restarts.", EventName = "EphemeralPageTokenKey")]
    private static partial void LogEphemeralKey(ILogger logger, string section);
}
