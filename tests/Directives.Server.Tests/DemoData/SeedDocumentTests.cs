using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>Cutting tasks out of a seed, and building without one.</summary>
public sealed class SeedDocumentTests
{
    [Theory]
    [InlineData("### 3. Đảng ủy Công an tỉnh chỉ đạo Công an các cấp trong tỉnh:\n\n", "Đảng ủy Công an tỉnh chỉ đạo Công an các cấp trong tỉnh:")]
    [InlineData("3.1. Chủ động triển khai.\n\n", "Chủ động triển khai.")]
    [InlineData("1- Tập trung lãnh đạo.", "Tập trung lãnh đạo.")]
    [InlineData("**2. Đẩy mạnh tuyên truyền.**\n\n", "Đẩy mạnh tuyên truyền.")]
    [InlineData("**4.** Nâng cao hiệu lực.", "Nâng cao hiệu lực.")]
    public void ATasksContentLosesItsNumberAndMarkdown(string section, string content)
        => Assert.Equal(content, SeedDocument.TaskContent(section));

    [Fact]
    public void APageBreakInsideASentenceIsJoinedAndAParagraphIsKept()
    {
        var content = SeedDocument.TaskContent("6. Người đứng đầu cấp ủy, tổ\n\nchức đảng chịu trách nhiệm.\n\nTiếp tục tăng cường.\n\n- Chủ động phòng ngừa.");

        Assert.Equal("Người đứng đầu cấp ủy, tổ chức đảng chịu trách nhiệm.\n\nTiếp tục tăng cường.\n\n- Chủ động phòng ngừa.", content);
    }

    [Fact]
    public void ADocumentTheBuildDidNotEmbedHasNoTextButStillYieldsTasks()
    {
        var missing = SeedDocument.Load("not-a-seed.txt");

        Assert.False(missing.IsEmbedded);
        Assert.Equal("", missing.Body);
        Assert.Equal(["", ""], missing.TaskContents(["1. ", "2. "], "Nơi nhận"));
    }

    [Fact]
    public void AnAnchorMissingFromTheDocumentIsAnError()
    {
        var seed = SeedDocument.Load(global::Directives.Server.DemoData.Documents.TienGiangDirective15.SeedFile);

        Assert.True(seed.IsEmbedded);
        Assert.Throws<InvalidOperationException>(() => seed.TaskContents(["1. Tiếp tục tổ chức quán triệt", "9. Không có"], "Yêu cầu Thủ trưởng"));
    }
}
