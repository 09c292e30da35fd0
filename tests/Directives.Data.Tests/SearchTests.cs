using Directives.Data.Queries;
using Directives.Data.Search;
using Directives.Data.Tests.Infrastructure;
using Directives.Domain.Directives;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>Folded Vietnamese search: case and marks ignored, đ is d, in SQL on both providers.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SearchTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Directive_query_ignores_marks_and_case(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        await province.AddDirectiveAsync("an-ninh", "38-CT/TU", subject: "Chỉ thị về tăng cường bảo đảm an ninh, trật tự năm 2024");
        await province.AddDirectiveAsync("ma-tuy", "2157-CV/TU", new DateOnly(2019, 5, 2), "Về việc đẩy mạnh công tác đấu tranh phòng, chống tội phạm ma túy");
        await province.AddDirectiveAsync("giao-thong", "15/CT-UBND", new DateOnly(2022, 12, 19), "Về bảo đảm trật tự an toàn giao thông");

        await using var db = await province.OpenAsync();
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.QueryMatches("chi thi an ninh")));
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.QueryMatches("CHỈ THỊ An Ninh")));

        // Decomposed (NFD) input folds like composed text.
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.QueryMatches("chỉ thị an ninh".Normalize(System.Text.NormalizationForm.FormD))));
        Assert.Equal(["ma-tuy"], await Find(db, DirectiveFilters.QueryMatches("dau tranh ma tuy")));
        Assert.Equal(["ma-tuy"], await Find(db, DirectiveFilters.QueryMatches("đấu tranh")));

        // Every word must match, as the start of a word: "trat tu" is in two; "nin" starts "ninh".
        Assert.Equal(["an-ninh", "giao-thong"], await Find(db, DirectiveFilters.QueryMatches("trat tu")));
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.QueryMatches("an nin")));
        Assert.Empty(await Find(db, DirectiveFilters.QueryMatches("an ninh ma tuy")));

        // The query also covers the number, issuing body, signer and body.
        Assert.Equal(["ma-tuy"], await Find(db, DirectiveFilters.QueryMatches("2157 cv")));
        Assert.Equal(3, (await Find(db, DirectiveFilters.QueryMatches("nguyen huu nghia"))).Count);
        Assert.Equal(["ma-tuy"], await Find(db, DirectiveFilters.NumberMatches("2157")));
        Assert.Equal(["giao-thong"], await Find(db, DirectiveFilters.NumberIs(NumberAndSymbol.Parse("15 / CT - UBND"))));
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.IssuedInYear(2024)));
        Assert.Equal(3, (await Find(db, DirectiveFilters.IssuingBodyMatches("ban thuong vu tinh uy"))).Count);
        Assert.Equal(3, (await Find(db, DirectiveFilters.SignerMatches("Nguyễn Hữu Nghĩa"))).Count);

        // Whole words in the subject filter: "an" is not "anh", and "toan" is a word of "an toàn".
        Assert.Equal(["giao-thong"], await Find(db, DirectiveFilters.SubjectMatches("an toan giao thong")));
        Assert.Empty(await Find(db, DirectiveFilters.SubjectMatches("nin")));
        Assert.Equal(["an-ninh"], await Find(db, DirectiveFilters.SubjectMatches("nin", WordMatch.Prefix)));
        Assert.Equal(["an-ninh", "giao-thong"], await Find(db, DirectiveFilters.SubjectMatches("trat tu").And(d => d.State == DirectiveState.Draft)));
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Task_text_filters_fold_title_and_content(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        var directive = await province.AddDirectiveAsync("d1");
        await province.AddTaskAsync(directive, "d1", "t1", "1", police.Id, title: "Đấu tranh phòng, chống tội phạm về ma túy");
        await province.AddTaskAsync(directive, "d1", "t2", "2", police.Id, title: "Bảo đảm an toàn giao thông dịp Tết");

        await using var db = await province.OpenAsync();
        var filters = db.TaskFilters;
        Assert.Equal(["t1"], await FindTasks(db, filters.TitleMatches("dau tranh ma tuy")));
        Assert.Equal(["t2"], await FindTasks(db, filters.TitleMatches("TẾT")));
        Assert.Empty(await FindTasks(db, filters.TitleMatches("ma tu")));
        Assert.Equal(["t1"], await FindTasks(db, filters.TitleMatches("ma tu", WordMatch.Prefix)));

        // Content (the sample's) has "tuyên truyền" for both; a word may be in the title or the content.
        Assert.Equal(["t1", "t2"], await FindTasks(db, filters.TextMatches("tuyen truyen")));
        Assert.Equal(["t2"], await FindTasks(db, filters.TextMatches("tuyen truyen giao thong")));
    }

    private static async Task<List<string>> Find(ProvinceDbContext db, System.Linq.Expressions.Expression<Func<Directive, bool>> filter)
        => (await db.Directives.Where(filter).ListPageAsync(DirectiveOrder.CreateTime, false, null, 100, CancellationToken.None))
            .Items.Select(d => d.Stamp.ResourceId).Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> FindTasks(ProvinceDbContext db, System.Linq.Expressions.Expression<Func<Domain.Tasks.DirectiveTask, bool>> filter)
        => (await db.Tasks.Where(filter).ListPageAsync(TaskOrder.Number, false, null, 100, CancellationToken.None))
            .Items.Select(t => t.Stamp.ResourceId).Order(StringComparer.Ordinal).ToList();
}
