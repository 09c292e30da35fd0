using System.Text;
using Directives.Domain.Search;

namespace Directives.Domain.Tests.Search;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Chỉ thị", "chi thi")]
    [InlineData("CHỈ THỊ CỦA BAN THƯỜNG VỤ TỈNH ỦY", "chi thi cua ban thuong vu tinh uy")]
    [InlineData("Đảng ủy Công an tỉnh", "dang uy cong an tinh")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Bộ Chỉ huy Quân sự tỉnh", "bo chi huy quan su tinh")]
    [InlineData("Sở Lao động – Thương binh và Xã hội", "so lao dong – thuong binh va xa hoi")]
    [InlineData("Ủy ban MTTQ tỉnh", "uy ban mttq tinh")]
    [InlineData("tín dụng đen", "tin dung den")]
    [InlineData("Phó Trưởng ban Thường trực", "pho truong ban thuong truc")]
    [InlineData("ơ ư ă â ê ô Ơ Ư Ă Â Ê Ô", "o u a a e o o u a a e o")]
    [InlineData("ạ ả ã à á ặ ẳ ẵ ằ ắ ậ ẩ ẫ ầ ấ", "a a a a a a a a a a a a a a a")]
    [InlineData("ỵ ỷ ỹ ỳ ý", "y y y y y")]
    [InlineData("Tiền Giang, ngày 19 tháng 12 năm 2022", "tien giang, ngay 19 thang 12 nam 2022")]
    public void Fold_RemovesMarksAndCase(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData("Chỉ thị số 15/CT-UBND về công tác bảo đảm an ninh, trật tự năm 2023")]
    [InlineData("Phấn đấu kéo giảm tội phạm về trật tự xã hội ít nhất 5% so với năm 2022")]
    [InlineData("Nguyễn Văn Vinh; Đỗ Xuân Tuyên; Nguyễn Hữu Nghĩa")]
    public void Fold_TreatsDecomposedInputLikePrecomposed(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(text, decomposed);
        Assert.Equal(VietnameseText.Fold(text), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Fold_ReadsIcelandicEthAsD()
    {
        // Ð (U+00D0) is typed for Đ (U+0110) by keyboards that lack it.
        Assert.Equal("dang", VietnameseText.Fold("\u00D0ANG"));
    }

    [Fact]
    public void Fold_ReturnsTheSameInstanceWhenNothingChanges()
    {
        var text = "chi thi an ninh 2024";
        Assert.Same(text, VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_KeepsCharactersOutsideLatinAndLowersThem()
    {
        Assert.Equal("“tín dụng đen”".Length, VietnameseText.Fold("“tín dụng đen”").Length);
        Assert.Equal("“tin dung den”", VietnameseText.Fold("“TÍN DỤNG ĐEN”"));
        Assert.Equal("ωμέγα", VietnameseText.Fold("ΩΜΈΓΑ").Normalize());
    }

    [Fact]
    public void NormalizeForSearch_DropsPunctuationAndCollapsesSpaces()
    {
        Assert.Equal(
            "so 2157 cv tu v v tang cuong cong tac",
            VietnameseText.NormalizeForSearch("  Số 2157 - CV/TU\nV/v tăng cường   công tác… "));
    }

    [Fact]
    public void NormalizeForSearch_OfEmptyOrPunctuationIsEmpty()
    {
        Assert.Equal("", VietnameseText.NormalizeForSearch(""));
        Assert.Equal("", VietnameseText.NormalizeForSearch(" …; - / "));
    }

    [Fact]
    public void Tokenize_SplitsIntoFoldedWords()
    {
        Assert.Equal(
            ["nghi", "quyet", "so", "14", "nq", "tu", "ngay", "19", "12", "2022"],
            VietnameseText.Tokenize("Nghị quyết số 14-NQ/TU ngày 19/12/2022"));
        Assert.Empty(VietnameseText.Tokenize("  "));
    }

    [Theory]
    [InlineData("chi thi an ninh")]
    [InlineData("CHI THI AN NINH")]
    [InlineData("chỉ thị an ninh")]
    [InlineData("an ninh chi thi")]
    [InlineData("tang cuong bao dam")]
    [InlineData("2024")]
    [InlineData("")]
    public void Matches_FindsTheHungYenDirective(string query)
    {
        const string subject = "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường bảo đảm an ninh, trật tự năm 2024";
        Assert.True(VietnameseText.Matches(subject, query));
    }

    [Theory]
    [InlineData("chi thi ma tuy")]
    [InlineData("an ninh 2023")]
    [InlineData("nin")]
    [InlineData("chi thij")]
    public void Matches_RequiresEveryWordWhole(string query)
    {
        const string subject = "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường bảo đảm an ninh, trật tự năm 2024";
        Assert.False(VietnameseText.Matches(subject, query));
    }

    [Fact]
    public void Matches_FoldsDToDInBothDirections()
    {
        Assert.True(VietnameseText.Matches("Đảng ủy Công an tỉnh", "dang uy"));
        Assert.True(VietnameseText.Matches("Dang uy Cong an tinh", "Đảng ủy"));
    }

    [Fact]
    public void Matches_WorksOnASeedDocument()
    {
        var text = File.ReadAllText(SeedFiles.Path("tien-giang-2022-chi-thi-15-CT-UBND.txt"));
        Assert.True(VietnameseText.Matches(text, "tin dung den"));
        Assert.True(VietnameseText.Matches(text, "cong an xa chinh quy"));
        Assert.True(VietnameseText.Matches(text.Normalize(NormalizationForm.FormD), "Nguyen Van Vinh"));
        Assert.False(VietnameseText.Matches(text, "hung yen"));
    }

    [Fact]
    public void Fold_AllocatesOnlyTheResult()
    {
        var text = "Chỉ thị về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang";
        VietnameseText.Fold(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var folded = VietnameseText.Fold(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One string: header plus two bytes a character.
        Assert.InRange(allocated, 1, 32 + (2 * folded.Length) + 8);
    }
}
