using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Directives.Domain.Directives;

/// <summary>
/// A document's number and symbol (số, ký hiệu): <c>15/CT-UBND</c>, <c>2157-CV/TU</c>, <c>38-CT/TU</c>,
/// <c>14-NQ/TU</c>, <c>96/2019/QH14</c>. Keeps the text as written and a canonical form to compare by.
/// </summary>
/// <remarks>
/// Documents are typed with stray spaces and dashes ("2157 - CV/TU", "12/CT- TTg"); they name the
/// same document as the tidy form, so equality uses <see cref="Canonical"/>: no spaces, '-' for every
/// dash, upper case, no leading zeros in the number. Store <see cref="Text"/> and read it back with
/// <see cref="Parse"/>; index <see cref="Canonical"/> (with the year of issue) for uniqueness.
/// </remarks>
public sealed class NumberAndSymbol : IEquatable<NumberAndSymbol>
{
    public const int MaxLength = 60;

    private const int MaxNumberDigits = 6;
    private const int MaxCodeLength = 20;
    private const string Example = "such as 15/CT-UBND or 38-CT/TU";

    // Type codes that open a state-style symbol (Decree 30/2020/NĐ-CP, appendix III). A state-style
    // official letter has none: 123/UBND-NC is UBND's letter from its NC office.
    private static readonly HashSet<string> StateTypeCodes =
    [
        "NQ", "QĐ", "QD", "CT", "QC", "QYĐ", "TC", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTR", "HĐ",
        "CV", "CĐ", "TB", "TT", "TTLT", "NĐ", "ND", "KL", "GM", "GUQ", "GNP", "PG", "PC", "PB", "TĐ", "TL",
    ];

    private NumberAndSymbol(string text, string canonical, NumberingStyle style, int number, int? year, string? typeCode, string issuer)
    {
        Text = text;
        Canonical = canonical;
        Style = style;
        Number = number;
        Year = year;
        TypeCode = typeCode;
        Issuer = issuer;
    }

    /// <summary>As written, less surrounding white space.</summary>
    public string Text { get; }

    /// <summary>The form to compare and index by, e.g. "2157-CV/TU" for "2157 - CV/TU".</summary>
    public string Canonical { get; }

    public NumberingStyle Style { get; }

    public int Number { get; }

    /// <summary>The year state-style normative documents carry: 2019 in <c>03/2019/NĐ-CP</c>.</summary>
    public int? Year { get; }

    /// <summary>The document type code as written, "CT" in <c>15/CT-UBND</c>; null when the symbol has none.</summary>
    public string? TypeCode { get; }

    /// <summary>The issuer's part of the symbol as written: "UBND", "TU", "UBND-NC", "QH14".</summary>
    public string Issuer { get; }

    /// <summary>The document type the symbol names, when it is one of <see cref="Directives.DocumentType"/>.</summary>
    public DocumentType? DocumentType => TypeCode?.ToUpperInvariant() switch
    {
        "CT" => Directives.DocumentType.ChiThi,
        "CV" => Directives.DocumentType.CongVan,
        "NQ" => Directives.DocumentType.NghiQuyet,
        "KH" => Directives.DocumentType.KeHoach,
        "KL" => Directives.DocumentType.KetLuan,
        "QĐ" or "QD" => Directives.DocumentType.QuyetDinh,
        _ => null,
    };

    public static NumberAndSymbol Parse(string text)
        => TryParse(text, out var value, out var error) ? value : throw new FormatException($"Invalid number and symbol: {error}.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out NumberAndSymbol? value)
        => TryParse(text, out value, out _);

    internal static bool TryParse(string? input, [NotNullWhen(true)] out NumberAndSymbol? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"is longer than {MaxLength} characters";
            return false;
        }

        if (!TryCompact(text.Normalize(NormalizationForm.FormC), out var compact, out error))
        {
            return false;
        }

        var digits = 0;
        while (digits < compact.Length && char.IsAsciiDigit(compact[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > MaxNumberDigits)
        {
            error = $"'{text}' must start with the document's number, {Example}";
            return false;
        }

        var number = int.Parse(compact.AsSpan(0, digits), CultureInfo.InvariantCulture);
        if (number == 0)
        {
            error = $"'{text}' has number 0";
            return false;
        }

        if (digits == compact.Length)
        {
            error = $"'{text}' has a number but no symbol, {Example}";
            return false;
        }

        var rest = compact[(digits + 1)..];
        Symbol symbol;
        var parsed = compact[digits] switch
        {
            '-' => TryParseParty(rest, out symbol, out error),
            '/' => TryParseState(rest, out symbol, out error),
            _ => Fail($"must separate the number from the symbol with '/' or '-', {Example}", out symbol, out error),
        };

        if (!parsed)
        {
            error = $"'{text}' {error}";
            return false;
        }

        var separator = symbol.Style == NumberingStyle.Party ? "-" : "/";
        var canonical = string.Concat(
            number.ToString(CultureInfo.InvariantCulture),
            separator,
            symbol.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "/" : "",
            symbol.TypeCode is { } type ? type + (symbol.Style == NumberingStyle.Party ? "/" : "-") : "",
            symbol.Issuer);
        value = new NumberAndSymbol(text, canonical.ToUpperInvariant(), symbol.Style, number, symbol.Year, symbol.TypeCode, symbol.Issuer);
        return true;
    }

    public bool Equals(NumberAndSymbol? other) => other is not null && Canonical == other.Canonical;

    public override bool Equals(object? obj) => Equals(obj as NumberAndSymbol);

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    public static bool operator ==(NumberAndSymbol? left, NumberAndSymbol? right) => Equals(left, right);

    public static bool operator !=(NumberAndSymbol? left, NumberAndSymbol? right) => !Equals(left, right);

    // Party style: TYPE/ISSUER[-ISSUER…], as in 38-CT/TU or 01-QĐ/BCĐ-TU.
    private static bool TryParseParty(string symbol, out Symbol parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = default;
        var slash = symbol.IndexOf('/');
        if (slash < 0 || symbol.IndexOf('/', slash + 1) >= 0)
        {
            error = $"needs exactly one '/' between the type and the issuer, {Example}";
            return false;
        }

        var type = symbol[..slash];
        if (!IsCode(type))
        {
            error = $"has no valid type code before '/', {Example}";
            return false;
        }

        if (!TryReadCodes(symbol[(slash + 1)..], out var issuer, out error))
        {
            return false;
        }

        parsed = new Symbol(NumberingStyle.Party, null, type, issuer);
        return true;
    }

    // State style: [YEAR/]CODE[-CODE…], as in CT-UBND, 2019/NĐ-CP, UBND-NC or 2019/QH14.
    private static bool TryParseState(string symbol, out Symbol parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = default;
        int? year = null;
        var slash = symbol.IndexOf('/');
        if (slash >= 0)
        {
            var yearText = symbol.AsSpan(0, slash);
            if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < Time.Period.MinYear or > Time.Period.MaxYear)
            {
                error = $"may only have a year between the number and the symbol, {Example} or 03/2019/NĐ-CP";
                return false;
            }

            year = y;
            symbol = symbol[(slash + 1)..];
            if (symbol.Contains('/'))
            {
                error = $"has too many '/', {Example}";
                return false;
            }
        }

        if (!TryReadCodes(symbol, out var codes, out error))
        {
            return false;
        }

        var dash = codes.IndexOf('-');
        parsed = dash > 0 && StateTypeCodes.Contains(codes[..dash].ToUpperInvariant())
            ? new Symbol(NumberingStyle.State, year, codes[..dash], codes[(dash + 1)..])
            : new Symbol(NumberingStyle.State, year, null, codes);
        return true;
    }

    private static bool TryReadCodes(string text, [NotNullWhen(true)] out string? codes, [NotNullWhen(false)] out string? error)
    {
        codes = null;
        foreach (var code in text.Split('-'))
        {
            if (!IsCode(code))
            {
                error = text.Length == 0 ? $"has no issuer, {Example}" : $"has an invalid symbol part '{code}', {Example}";
                return false;
            }
        }

        codes = text;
        error = null;
        return true;
    }

    // A code starts with a letter and has letters and digits only: UBND, TTg, QH14, NĐ.
    private static bool IsCode(string code)
    {
        if (code.Length == 0 || code.Length > MaxCodeLength || !char.IsLetter(code[0]))
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // Drops the spaces people type around separators and turns every dash into '-'; a space
    // inside a part ("15 CT") is a typo we must not guess about.
    private static bool TryCompact(string text, out string compact, [NotNullWhen(false)] out string? error)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                var before = result.Length > 0 ? result[^1] : '/';
                var after = NextNonSpace(text, i);
                if (char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after))
                {
                    compact = "";
                    error = $"'{text}' has a space inside a part, {Example}";
                    return false;
                }

                continue;
            }

            result.Append(c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' ? '-' : c);
        }

        compact = result.ToString();
        error = null;
        return true;
    }

    private static char NextNonSpace(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return '/';
    }

    private static bool Fail(string message, out Symbol parsed, out string error)
    {
        parsed = default;
        error = message;
        return false;
    }

    private readonly record struct Symbol(NumberingStyle Style, int? Year, string? TypeCode, string Issuer);
}
