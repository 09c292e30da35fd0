using System.Globalization;

namespace Directives.Server.Api;

/// <summary>RFC 3339 timestamps (<c>2024-07-01T00:00:00+07:00</c>, <c>2024-06-30T17:00:00.5Z</c>), strictly: the offset is required.</summary>
internal static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        // RFC 3339 allows lower-case t and z, and any number of fraction digits; .NET reads seven.
        var normalized = text.ToUpperInvariant();
        var dot = normalized.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var digitsEnd = dot + 1;
            while (digitsEnd < normalized.Length && char.IsAsciiDigit(normalized[digitsEnd]))
            {
                digitsEnd++;
            }

            if (digitsEnd - dot - 1 > 7)
            {
                normalized = string.Concat(normalized.AsSpan(0, dot + 8), normalized.AsSpan(digitsEnd));
            }
        }

        return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
