using System.Buffers;
using System.Text;

namespace Directives.Domain.Search;

/// <summary>
/// Folds Vietnamese text for search so that <c>chi thi an ninh</c> finds "Chỉ thị … an ninh": lower
/// case, every tone and vowel mark removed, đ → d. Precomposed (NFC) and decomposed (NFD) input fold
/// alike, because combining marks are dropped and precomposed letters map straight to their base.
/// </summary>
/// <remarks>
/// A table lookup per character, no regular expressions and no allocation beyond the result. The
/// Data layer stores <see cref="NormalizeForSearch"/> of the searchable fields and matches each
/// query token as a whole word, as <see cref="Matches"/> does in memory.
/// </remarks>
public static class VietnameseText
{
    // Latin-1 Supplement through Latin Extended Additional (ạ…ỹ end at U+1EF9) and the combining
    // diacritical marks in between; everything else is ASCII or only needs lower-casing.
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u1EFF';

    // A character that folds to nothing. U+FFFF is a noncharacter, so no text needs to keep it.
    private const char Dropped = '\uFFFF';

    private static readonly char[] Table = BuildTable();

    /// <summary>Lower-cases and strips marks; keeps every other character, spaces and punctuation included.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var length = 0;
        var changed = false;
        foreach (var c in text)
        {
            var folded = FoldChar(c);
            if (folded == Dropped)
            {
                changed = true;
                continue;
            }

            changed |= folded != c;
            length++;
        }

        if (!changed)
        {
            return text;
        }

        return string.Create(length, text, static (destination, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                var folded = FoldChar(c);
                if (folded != Dropped)
                {
                    destination[written++] = folded;
                }
            }
        });
    }

    /// <summary>
    /// Folded words separated by single spaces, punctuation dropped: the form to store in a search
    /// column and to compare query tokens against.
    /// </summary>
    public static string NormalizeForSearch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Folding never lengthens text, so the input length bounds the result.
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var length = WriteNormalized(text, rented);
            return length == text.Length && text.AsSpan().SequenceEqual(rented.AsSpan(0, length))
                ? text
                : new string(rented, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var normalized = NormalizeForSearch(text);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }

    /// <summary>
    /// Whether every word of <paramref name="query"/> occurs as a whole word in <paramref name="text"/>,
    /// ignoring case and marks. An empty query matches everything.
    /// </summary>
    public static bool Matches(string text, string query)
    {
        var haystack = NormalizeForSearch(text).AsSpan();
        var needles = NormalizeForSearch(query).AsSpan();
        foreach (var range in needles.Split(' '))
        {
            var word = needles[range];
            if (word.Length > 0 && !ContainsWord(haystack, word))
            {
                return false;
            }
        }

        return true;
    }

    internal static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        return c is >= TableStart and <= TableEnd ? Table[c - TableStart] : char.ToLowerInvariant(c);
    }

    private static int WriteNormalized(string text, char[] destination)
    {
        var written = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = FoldChar(c);
            if (folded == Dropped)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(folded))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }

            destination[written++] = folded;
        }

        return written;
    }

    private static bool ContainsWord(ReadOnlySpan<char> haystack, ReadOnlySpan<char> word)
    {
        var offset = 0;
        while (true)
        {
            var index = haystack[offset..].IndexOf(word, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            var start = offset + index;
            var end = start + word.Length;
            if ((start == 0 || haystack[start - 1] == ' ') && (end == haystack.Length || haystack[end] == ' '))
            {
                return true;
            }

            offset = start + 1;
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[TableEnd - TableStart + 1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            table[c - TableStart] = FoldSlowly(c);
        }

        return table;
    }

    private static char FoldSlowly(char c)
    {
        if (c is >= '\u0300' and <= '\u036F')
        {
            return Dropped;
        }

        // Đ has no decomposition; the Icelandic Ð looks the same and is typed for it by mistake.
        if (c is 'Đ' or 'đ' or 'Ð')
        {
            return 'd';
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var first = decomposed[0];
        return first < 0x80 && char.IsAsciiLetter(first) ? char.ToLowerInvariant(first) : char.ToLowerInvariant(c);
    }
}
