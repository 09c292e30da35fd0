namespace Grpc.Core.Protocol;

/// <summary>How metadata maps to HTTP/2 headers: which names are reserved, how binary values are encoded.</summary>
internal static class MetadataHeaders
{
    /// <summary>
    /// Headers the protocol owns, never shown to applications as metadata: pseudo-headers, transport
    /// headers and <c>grpc-*</c> (but <c>grpc-status-details-bin</c>, which rich-error readers need).
    /// </summary>
    public static bool IsReserved(string name)
    {
        if (name.Length == 0 || name[0] == ':')
        {
            return true;
        }

        if (name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase))
        {
            return !name.Equals(GrpcProtocolConstants.StatusDetailsTrailer, StringComparison.OrdinalIgnoreCase);
        }

        return name.Equals(GrpcProtocolConstants.ContentTypeHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals(GrpcProtocolConstants.TeHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals("host", StringComparison.OrdinalIgnoreCase)
            || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
            || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
            || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
            || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Standard base64 without padding, as the protocol document recommends sending.</summary>
    public static string EncodeBinary(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>Base64 with or without padding, as peers may send either.</summary>
    public static bool TryDecodeBinary(string value, out byte[] bytes)
    {
        var trimmed = value.AsSpan().Trim();
        var padding = (4 - (trimmed.Length % 4)) % 4;
        if (padding == 3)
        {
            bytes = [];
            return false;
        }

        Span<char> padded = trimmed.Length + padding <= 1024 ? stackalloc char[trimmed.Length + padding] : new char[trimmed.Length + padding];
        trimmed.CopyTo(padded);
        padded[trimmed.Length..].Fill('=');
        var buffer = new byte[(padded.Length / 4) * 3];
        if (Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            bytes = written == buffer.Length ? buffer : buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>Adds one received header to metadata, skipping reserved names and invalid or undecodable values.</summary>
    public static void AddReceived(Metadata metadata, string name, string value)
    {
        if (IsReserved(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            // A comma separates repeated binary values that a proxy may have joined.
            foreach (var part in value.Split(','))
            {
                if (TryDecodeBinary(part, out var bytes))
                {
                    metadata.Add(key, bytes);
                }
            }
        }
        else if (IsValidKey(key) && IsValidAsciiValue(value))
        {
            metadata.Add(key, value);
        }
    }

    /// <summary>
    /// The protocol's ASCII-Value: printable ASCII and space. HTTP allows more (a tab, for one), which
    /// metadata cannot hold: such a value is skipped rather than failing the call.
    /// </summary>
    private static bool IsValidAsciiValue(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidKey(string key)
    {
        foreach (var c in key)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return key.Length > 0;
    }
}
