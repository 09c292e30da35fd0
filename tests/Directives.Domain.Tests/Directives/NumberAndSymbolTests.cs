using Directives.Domain.Directives;

namespace Directives.Domain.Tests.Directives;

public class NumberAndSymbolTests
{
    [Theory]
    [InlineData("15/CT-UBND", NumberingStyle.State, 15, null, "CT", "UBND", "15/CT-UBND")]
    [InlineData("2157-CV/TU", NumberingStyle.Party, 2157, null, "CV", "TU", "2157-CV/TU")]
    [InlineData("2157 - CV/TU", NumberingStyle.Party, 2157, null, "CV", "TU", "2157-CV/TU")]
    [InlineData("38-CT/TU", NumberingStyle.Party, 38, null, "CT", "TU", "38-CT/TU")]
    [InlineData("14-NQ/TU", NumberingStyle.Party, 14, null, "NQ", "TU", "14-NQ/TU")]
    [InlineData("12/CT- TTg", NumberingStyle.State, 12, null, "CT", "TTg", "12/CT-TTG")]
    [InlineData("03/2019/NĐ-CP", NumberingStyle.State, 3, 2019, "NĐ", "CP", "3/2019/NĐ-CP")]
    [InlineData("96/2019/QH14", NumberingStyle.State, 96, 2019, null, "QH14", "96/2019/QH14")]
    [InlineData("42/NQ-HĐND", NumberingStyle.State, 42, null, "NQ", "HĐND", "42/NQ-HĐND")]
    [InlineData("208-QĐ/TU", NumberingStyle.Party, 208, null, "QĐ", "TU", "208-QĐ/TU")]
    [InlineData("04-HD/TW", NumberingStyle.Party, 4, null, "HD", "TW", "4-HD/TW")]
    [InlineData("125/UBND-NC", NumberingStyle.State, 125, null, null, "UBND-NC", "125/UBND-NC")]
    [InlineData("01-QĐ/BCĐ-TU", NumberingStyle.Party, 1, null, "QĐ", "BCĐ-TU", "1-QĐ/BCĐ-TU")]
    [InlineData("  69/TB-VPCP ", NumberingStyle.State, 69, null, "TB", "VPCP", "69/TB-VPCP")]
    [InlineData("2157 – CV/TU", NumberingStyle.Party, 2157, null, "CV", "TU", "2157-CV/TU")]
    public void Parse_ReadsStateAndPartyForms(
        string text, NumberingStyle style, int number, int? year, string? typeCode, string issuer, string canonical)
    {
        var parsed = NumberAndSymbol.Parse(text);
        Assert.Equal(text.Trim(), parsed.Text);
        Assert.Equal(style, parsed.Style);
        Assert.Equal(number, parsed.Number);
        Assert.Equal(year, parsed.Year);
        Assert.Equal(typeCode, parsed.TypeCode);
        Assert.Equal(issuer, parsed.Issuer);
        Assert.Equal(canonical, parsed.Canonical);
        Assert.Equal(parsed.Text, parsed.ToString());
    }

    [Theory]
    [InlineData("15/CT-UBND", DocumentType.ChiThi)]
    [InlineData("2157-CV/TU", DocumentType.CongVan)]
    [InlineData("14-NQ/TU", DocumentType.NghiQuyet)]
    [InlineData("117-KH/TU", DocumentType.KeHoach)]
    [InlineData("637-KL/TU", DocumentType.KetLuan)]
    [InlineData("208-QĐ/TU", DocumentType.QuyetDinh)]
    [InlineData("1234/QĐ-UBND", DocumentType.QuyetDinh)]
    [InlineData("69/TB-VPCP", null)]
    [InlineData("125/UBND-NC", null)]
    public void DocumentType_FollowsTheTypeCode(string text, DocumentType? expected)
    {
        Assert.Equal(expected, NumberAndSymbol.Parse(text).DocumentType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("CT-UBND")]
    [InlineData("15")]
    [InlineData("15/")]
    [InlineData("15-")]
    [InlineData("0/CT-UBND")]
    [InlineData("15 CT-UBND")]
    [InlineData("15/CT UBND")]
    [InlineData("15/CT-")]
    [InlineData("15/-UBND")]
    [InlineData("15/CT--UBND")]
    [InlineData("15.CT-UBND")]
    [InlineData("15-CT")]
    [InlineData("15-CT/")]
    [InlineData("15-/TU")]
    [InlineData("15-CT/TU/2022")]
    [InlineData("15/22/CT-UBND")]
    [InlineData("15/1800/CT-UBND")]
    [InlineData("15/2022/CT-UBND/X")]
    [InlineData("1234567/CT-UBND")]
    [InlineData("15/CT-UB_ND")]
    [InlineData("15/1CT-UBND")]
    [InlineData("15/CT-ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void TryParse_RejectsMalformedText(string text)
    {
        Assert.False(NumberAndSymbol.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => NumberAndSymbol.Parse(text));
        Assert.StartsWith("Invalid number and symbol", error.Message);
    }

    [Fact]
    public void TryParse_RejectsNullAndOverlongText()
    {
        Assert.False(NumberAndSymbol.TryParse(null, out _));
        Assert.False(NumberAndSymbol.TryParse("15/CT-" + new string('A', 70), out _));
    }

    [Fact]
    public void Equality_UsesTheCanonicalForm()
    {
        Assert.Equal(NumberAndSymbol.Parse("2157-CV/TU"), NumberAndSymbol.Parse("2157 - CV/TU"));
        Assert.Equal(NumberAndSymbol.Parse("04-HD/TW"), NumberAndSymbol.Parse("4-hd/tw"));
        Assert.Equal(NumberAndSymbol.Parse("04-HD/TW").GetHashCode(), NumberAndSymbol.Parse("4-hd/tw").GetHashCode());
        Assert.NotEqual(NumberAndSymbol.Parse("15/CT-UBND"), NumberAndSymbol.Parse("15-CT/UBND"));
        Assert.True(NumberAndSymbol.Parse("38-CT/TU") != NumberAndSymbol.Parse("39-CT/TU"));
    }

    [Fact]
    public void Parse_ExplainsWhatIsWrong()
    {
        var error = Assert.Throws<FormatException>(() => NumberAndSymbol.Parse("15 CT-UBND"));
        Assert.Contains("space", error.Message);
        error = Assert.Throws<FormatException>(() => NumberAndSymbol.Parse("CT-UBND"));
        Assert.Contains("number", error.Message);
    }

    [Fact]
    public void Parse_AcceptsTheNumbersCitedInTheSeeds()
    {
        // Every "số N…/…" the three documents cite, as they print it.
        string[] cited =
        [
            "12/CT- TTg", "69/TB-VPCP", "35-CT/TU", "117-KH/TU", "39-CT/TW", "11-QĐ/TW", "09-CT/TW", "15-KL/TW",
            "46-CT/TW", "13-KL/TW", "48-CT/TW", "05-KL/TW", "50-CT/TW", "44-KL/TW", "96/2019/QH14", "04-NQ/TU",
            "42/NQ-HĐND", "64/KH-UBND", "12/CT-TTg", "08/CT-UBND", "12-NQ/TW", "03/2019/NĐ-CP", "38-CT/TU",
            "44-NQ/TW", "132-QĐ/TW", "23-CT/TW", "637-KL/TU", "11-CT/TU", "31-CT/TU", "43-CT/TU", "208-QĐ/TU",
            "26-CT/TW", "04-HD/TW", "06/CP",
        ];
        Assert.All(cited, text => Assert.True(NumberAndSymbol.TryParse(text, out _), text));
    }
}
