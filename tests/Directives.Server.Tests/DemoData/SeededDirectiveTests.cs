using System.Globalization;
using Directives.Domain.Directives;
using Directives.Server.DemoData;
using Directives.Server.DemoData.Documents;

namespace Directives.Server.Tests.DemoData;

/// <summary>
/// The directives built from ../shared/seeds say what their documents say: each value is looked up in
/// the seed file read from disk, not in the embedded copy the data was built from.
/// </summary>
public sealed class SeededDirectiveTests
{
    public static TheoryData<string, string, string> SeededDirectives => new()
    {
        { "hung-yen", "2019-2157-cv-tu", HungYenLetter2157.SeedFile },
        { "hung-yen", "2024-chi-thi-an-ninh-trat-tu", HungYenDirective2024.SeedFile },
        { "tien-giang", "2022-15-ct-ubnd", TienGiangDirective15.SeedFile },
    };

    [Theory]
    [MemberData(nameof(SeededDirectives))]
    public void TheBodyIsTheDocumentVerbatim(string provinceId, string directiveId, string seedFile)
    {
        var directive = Directive(provinceId, directiveId);

        Assert.Equal(SeedFiles.Read(seedFile), directive.Body);
    }

    [Theory]
    [MemberData(nameof(SeededDirectives))]
    public void SignerSubjectRecipientsAndLegalBasesArePrintedInTheDocument(string provinceId, string directiveId, string seedFile)
    {
        var seed = SeedFiles.Read(seedFile);
        var flat = SeedFiles.Flatten(seed);
        var directive = Directive(provinceId, directiveId);

        Assert.Contains(directive.Signer!.FullName, seed, StringComparison.Ordinal);
        Assert.Contains(directive.Signer.Title, seed, StringComparison.OrdinalIgnoreCase);
        if (directive.Signer.OnBehalfOf is { } onBehalfOf)
        {
            Assert.Contains(onBehalfOf, seed, StringComparison.Ordinal);
        }

        Assert.Contains(directive.Subject, flat, StringComparison.OrdinalIgnoreCase);
        Assert.All(directive.Recipients, r => Assert.Contains(r, seed, StringComparison.Ordinal));
        Assert.All(directive.LegalBases, basis =>
        {
            Assert.Contains(basis.NumberAndSymbol, seed, StringComparison.Ordinal);
            if (basis.IssueDate is { } day)
            {
                Assert.True(IsCitedWithDate(seed, basis.NumberAndSymbol, day), $"{basis.NumberAndSymbol} is not cited with {day} in {seedFile}");
            }
        });
    }

    [Theory]
    [MemberData(nameof(SeededDirectives))]
    public void EveryTaskIsCutFromTheDocumentInItsOrder(string provinceId, string directiveId, string seedFile)
    {
        var flat = SeedFiles.Flatten(SeedFiles.Read(seedFile));
        var tasks = Tasks(provinceId, directiveId);

        var position = 0;
        foreach (var task in tasks.OrderBy(t => t.Number))
        {
            Assert.False(string.IsNullOrWhiteSpace(task.Content), $"task {task.Number} has no content");
            Assert.DoesNotContain("**", task.Content, StringComparison.Ordinal);
            var found = flat.IndexOf(SeedFiles.Flatten(task.Content), position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"task {task.Number}'s content is not in {seedFile} after the previous task");
            position = found;
        }
    }

    [Fact]
    public void TienGiang15IsTheChairmansDirectiveOf19December2022()
    {
        var seed = SeedFiles.Read(TienGiangDirective15.SeedFile);
        var directive = Directive("tien-giang", "2022-15-ct-ubnd");

        Assert.Equal(DocumentType.ChiThi, directive.DocumentType);
        Assert.Equal("15/CT-UBND", directive.NumberAndSymbol!.Text);
        Assert.Contains($"Số: {directive.NumberAndSymbol.Text}", seed, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 12, 19), directive.IssuedOn);
        Assert.Contains($"{directive.Place}, ngày 19 tháng 12 năm 2022", seed, StringComparison.Ordinal);
        Assert.Equal(new Signer("Nguyễn Văn Vinh", "Chủ tịch"), directive.Signer);
        Assert.Contains("**CHỦ TỊCH**", seed, StringComparison.Ordinal);
        Assert.Equal(DirectiveState.Issued, directive.State);
        Assert.Equal(ReportingSchedule.SixMonthly | ReportingSchedule.Annual, directive.ReportingSchedule);
        Assert.Contains("định kỳ 6 tháng, năm báo cáo", seed, StringComparison.Ordinal);
        Assert.Equal(Confidentiality.Normal, directive.Confidentiality);
        Assert.Equal(Agency("tien-giang", "cong-an-tinh"), directive.MonitoringAgencyId);
        Assert.Equal("14-NQ/TU", directive.LegalBases[0].NumberAndSymbol);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], Tasks("tien-giang", "2022-15-ct-ubnd").Select(t => t.Number.ToString()));
    }

    [Fact]
    public void HungYen2157IsTheStandingCommitteesLetterOf21May2019()
    {
        var seed = SeedFiles.Read(HungYenLetter2157.SeedFile);
        var directive = Directive("hung-yen", "2019-2157-cv-tu");

        Assert.Equal(DocumentType.CongVan, directive.DocumentType);
        Assert.Contains($"Số {directive.NumberAndSymbol!.Text}", seed, StringComparison.Ordinal);
        Assert.Equal("2157-CV/TU", directive.NumberAndSymbol.Canonical);
        Assert.Equal(new DateOnly(2019, 5, 21), directive.IssuedOn);
        Assert.Contains("Hưng Yên, ngày 21 tháng 5 năm 2019", seed, StringComparison.Ordinal);
        Assert.Equal(new Signer("Đỗ Xuân Tuyên", "Phó Bí thư Thường trực", "T/M BAN THƯỜNG VỤ"), directive.Signer);
        Assert.Equal(DirectiveState.Issued, directive.State);
        Assert.Equal(Agency("hung-yen", "dang-uy-cong-an-tinh"), directive.MonitoringAgencyId);
        Assert.Equal(Enumerable.Range(1, 9).Select(n => n.ToString(CultureInfo.InvariantCulture)), Tasks("hung-yen", "2019-2157-cv-tu").Select(t => t.Number.ToString()));
    }

    [Fact]
    public void HungYen2024IsADraftBecauseTheDocumentPrintsNoNumberOrDate()
    {
        var seed = SeedFiles.Read(HungYenDirective2024.SeedFile);
        var directive = Directive("hung-yen", "2024-chi-thi-an-ninh-trat-tu");

        Assert.DoesNotContain("Số:", seed, StringComparison.Ordinal);
        Assert.Equal(DirectiveState.Draft, directive.State);
        Assert.Null(directive.NumberAndSymbol);
        Assert.Null(directive.IssuedOn);
        Assert.Equal(new Signer("Nguyễn Hữu Nghĩa", "Bí thư", "T/M BAN THƯỜNG VỤ"), directive.Signer);

        var tasks = Tasks("hung-yen", "2024-chi-thi-an-ninh-trat-tu");
        Assert.Equal(["1", "2", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "4", "5"], tasks.Select(t => t.Number.ToString()));
        Assert.All(tasks, t => Assert.Equal("năm 2024", t.Deadline.ToString()));
        Assert.All(tasks, t => Assert.Empty(t.Reports));
        Assert.Equal("Đảng ủy Công an tỉnh chỉ đạo Công an các cấp trong tỉnh:", tasks.Single(t => t.Number.ToString() == "3").Content);
    }

    // Documents write dates as 16/3/2022, 03/6/2021 or 19/12/2022, a little after the number.
    private static bool IsCitedWithDate(string seed, string number, DateOnly day)
    {
        string[] forms =
        [
            string.Create(CultureInfo.InvariantCulture, $"{day.Day}/{day.Month}/{day.Year}"),
            string.Create(CultureInfo.InvariantCulture, $"{day.Day:00}/{day.Month}/{day.Year}"),
            string.Create(CultureInfo.InvariantCulture, $"{day.Day}/{day.Month:00}/{day.Year}"),
            string.Create(CultureInfo.InvariantCulture, $"{day.Day:00}/{day.Month:00}/{day.Year}"),
        ];
        for (var at = seed.IndexOf(number, StringComparison.Ordinal); at >= 0; at = seed.IndexOf(number, at + 1, StringComparison.Ordinal))
        {
            var after = seed.Substring(at + number.Length, Math.Min(20, seed.Length - at - number.Length));
            if (forms.Any(form => after.Contains(form, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static Directive Directive(string provinceId, string directiveId)
        => DemoDataSets.Of(provinceId).Directives.Single(d => d.Id == directiveId).Value;

    private static IReadOnlyList<Domain.Tasks.DirectiveTask> Tasks(string provinceId, string directiveId)
    {
        var directive = Directive(provinceId, directiveId);
        return DemoDataSets.Of(provinceId).Tasks.Select(t => t.Value).Where(t => t.DirectiveId == directive.Id).ToArray();
    }

    private static Guid Agency(string provinceId, string agencyId)
        => DemoDataSets.Of(provinceId).Agencies.Single(a => a.Id == agencyId).Value.Id;
}
