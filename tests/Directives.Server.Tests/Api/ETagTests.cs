using Directives.Contracts.V1;
using Directives.Server.Api;
using Grpc.Core;

namespace Directives.Server.Tests.Api;

public sealed class ETagTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("AbC_-123xyz45678", true)]
    [InlineData("\"AbC_-123xyz45678\"", true)]
    [InlineData("abc_-123xyz45678", false)]
    [InlineData("W/\"AbC_-123xyz45678\"", false)]
    [InlineData("\"AbC_-123xyz45678", false)]
    [InlineData("AbC_-123xyz4567", false)]
    public void An_empty_etag_skips_the_check_and_quotes_are_understood(string? sent, bool matches)
        => Assert.Equal(matches, ETags.Matches(sent, "AbC_-123xyz45678"));

    [Fact]
    public void A_stale_etag_is_aborted_with_etag_mismatch()
    {
        ETags.EnsureCurrent("", "current", "provinces/p/directives/d");
        ETags.EnsureCurrent("current", "current", "provinces/p/directives/d");
        var status = ApiAssert.Throws(() => ETags.EnsureCurrent("old", "current", "provinces/p/directives/d"), StatusCode.Aborted, "ETAG_MISMATCH");
        Assert.Equal("provinces/p/directives/d", ApiAssert.Info(status).Metadata["resource"]);
        Assert.Equal("Dữ liệu đã bị người khác thay đổi; hãy tải lại và thử lại.", ApiAssert.Vietnamese(status));
        Assert.Equal("The etag is not the current etag of provinces/p/directives/d: read it again and retry.", status.Message);
    }

    [Fact]
    public void Content_etags_are_short_url_safe_and_change_with_the_content()
    {
        var composition = new CommitteeComposition { Name = "provinces/p/committees/c/compositions/x", EffectiveDate = new Date { Year = 2024, Month = 3, Day = 15 } };
        var etag = ETags.FromContent(composition);
        Assert.Matches("^[A-Za-z0-9_-]{16}$", etag);
        Assert.Equal(etag, ETags.FromContent(composition.Clone()));
        composition.EffectiveDate.Day = 16;
        Assert.NotEqual(etag, ETags.FromContent(composition));
    }
}
