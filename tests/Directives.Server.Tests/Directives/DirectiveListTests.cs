using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Grpc.Core;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Directives;

/// <summary>ListDirectives through the real transport, on each storage provider: filters, orders, pages, search, the ministry's view.</summary>
public abstract class DirectiveListTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task TheDefaultOrderIsNewestIssueFirstWithUndatedDraftsLast()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var older = await Create(client, province, SampleDirectives.Draft(year: 2022));
        var newer = await Create(client, province, SampleDirectives.Draft(year: 2024));
        var undated = SampleDirectives.Draft();
        undated.NumberAndSymbol = "";
        undated.IssueDate = null;
        var draft = await Create(client, province, undated);

        var listed = await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}" });

        Assert.Equal([newer.Name, older.Name, draft.Name], listed.Directives.Select(d => d.Name));
        Assert.Equal(3, listed.TotalSize);
        Assert.Empty(listed.NextPageToken);
        Assert.Empty(listed.Unreachable);
    }

    [Fact]
    public async Task FiltersSelectByStateTypeYearAndText()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var security = await Create(client, province, SampleDirectives.Draft(year: 2023, subject: "Về công tác bảo đảm an ninh, trật tự năm 2023"));
        var letter = SampleDirectives.Draft(year: 2019, subject: "Về tăng cường công tác phòng, chống ma túy");
        letter.DocumentType = DocumentType.OfficialLetter;
        letter.NumberAndSymbol = "2157-CV/TU";
        letter.IssuingBody = "Ban Thường vụ Tỉnh ủy";
        letter.IssuingBodyKind = IssuingBodyKind.ProvincialPartyCommittee;
        var official = await Create(client, province, letter);
        await client.IssueDirectiveAsync(new IssueDirectiveRequest { Name = security.Name });

        Assert.Equal([security.Name], await Names(client, province, "state = ISSUED"));
        Assert.Equal([official.Name], await Names(client, province, "document_type = OFFICIAL_LETTER AND issue_date.year = 2019"));
        Assert.Equal([official.Name], await Names(client, province, "issuing_body_kind = PROVINCIAL_PARTY_COMMITTEE"));
        Assert.Equal([security.Name], await Names(client, province, "issue_date >= \"2023-01-01\""));
        Assert.Equal([official.Name], await Names(client, province, "number_and_symbol = \"2157 - cv/tu\""));
        Assert.Equal([official.Name], await Names(client, province, "subject:\"ma tuy\""));
        Assert.Equal([security.Name], await Names(client, province, "NOT subject:\"ma tuy\""));
        Assert.Equal([official.Name, security.Name], await Names(client, province, "issue_date.year = 2019 OR state = ISSUED", orderBy: "issue_date"));
        Assert.Equal([security.Name], await Names(client, province, "signer.full_name:\"nguyen van vinh\" AND state != DRAFT"));
        Assert.Equal([official.Name, security.Name], await Names(client, province, "monitoring_agency = \"\"", orderBy: "number_and_symbol desc"));
    }

    [Fact]
    public async Task SearchFoldsVietnameseDiacriticsAndCase()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var directive = await Create(client, province, SampleDirectives.Draft(subject: "Chỉ thị về tăng cường bảo đảm an ninh, trật tự dịp Tết Nguyên đán"));
        var other = SampleDirectives.Draft(subject: "Về phòng, chống tác hại của thuốc lá");
        other.IssuingBody = "Đảng ủy Công an tỉnh";
        other.Body = "";
        var party = await Create(client, province, other);

        Assert.Equal([directive.Name], await Query(client, province, "chi thi an ninh"));
        Assert.Equal([directive.Name], await Query(client, province, "CHỈ THỊ AN NINH"));
        Assert.Equal([directive.Name], await Query(client, province, "tet nguyen dan"));
        Assert.Equal([party.Name], await Query(client, province, "dang uy"));
        Assert.Equal([party.Name], await Query(client, province, "đảng ủy"));
        Assert.Empty(await Query(client, province, "chi thi an ninh thuoc la"));
    }

    [Fact]
    public async Task PagesNeitherSkipNorRepeatUnderConcurrentInserts()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var initial = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            initial.Add((await Create(client, province, SampleDirectives.Draft(year: 2000 + i))).Name);
        }

        var seen = new List<string>();
        var token = "";
        var inserted = 0;
        do
        {
            var page = await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 5, PageToken = token, OrderBy = "create_time" });
            seen.AddRange(page.Directives.Select(d => d.Name));
            token = page.NextPageToken;

            // Between pages, others insert directives that sort before and after the position.
            await Create(client, province, SampleDirectives.Draft(year: 1990 + inserted++));
        }
        while (token.Length > 0);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), initial.ToHashSet());
    }

    [Fact]
    public async Task APageTokenWorksOnlyWithTheParametersItWasIssuedFor()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        await Create(client, province, SampleDirectives.Draft());
        await Create(client, province, SampleDirectives.Draft());
        var first = await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 1 });

        await ApiAssert.FailsAsync(
            () => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 1, PageToken = first.NextPageToken, Filter = "state = DRAFT" }),
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
        await ApiAssert.FailsAsync(
            () => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageToken = "forged" }),
            StatusCode.InvalidArgument,
            "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task InvalidListParametersAreReportedOnTheirField()
    {
        var client = Viewer("hung-yen");
        var parent = "provinces/hung-yen";

        await ApiAssert.InvalidAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, PageSize = -1 }), "page_size");
        await ApiAssert.FailsAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, Filter = "state = " }), StatusCode.InvalidArgument, "INVALID_FILTER");
        await ApiAssert.FailsAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, Filter = "budget > 5" }), StatusCode.InvalidArgument, "INVALID_FILTER");
        await ApiAssert.FailsAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, Filter = "state = ARCHIVED" }), StatusCode.InvalidArgument, "INVALID_FILTER");
        await ApiAssert.FailsAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, OrderBy = "signer" }), StatusCode.InvalidArgument, "INVALID_ORDER_BY");
        await ApiAssert.InvalidAsync(() => client.ListDirectivesAsync(new ListDirectivesRequest { Parent = parent, Query = new string('a', 501) }), "query");
    }

    [Fact]
    public async Task ALargePageSizeIsCappedAndZeroMeansFifty()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        for (var i = 0; i < 3; i++)
        {
            await Create(client, province, SampleDirectives.Draft());
        }

        Assert.Equal(3, (await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 5000 })).Directives.Count);
        Assert.Equal(3, (await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", PageSize = 0 })).Directives.Count);
    }

    [Fact]
    public async Task TheMinistryListsEveryProvinceAndNamesTheUnreachableOnes()
    {
        var first = await server.CreateProvinceAsync();
        var second = await server.CreateProvinceAsync();
        var a = await Create(Secretariat(first), first, SampleDirectives.Draft(subject: "Bộ xem liên tỉnh"));
        var b = await Create(Secretariat(second), second, SampleDirectives.Draft(subject: "Bộ xem liên tỉnh"));
        var disabled = await server.CreateProvinceAsync();
        await server.Client<ProvinceAdminService.ProvinceAdminServiceClient>(RoleNames.PlatformAdmin, province: null)
            .UpdateProvinceStateAsync(new UpdateProvinceStateRequest { Name = $"provinces/{disabled}", State = Province.Types.State.Disabled });
        var ministry = server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Ministry, province: null);

        var names = new List<string>();
        ListDirectivesResponse page;
        var token = "";
        do
        {
            page = await ministry.ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/-", Query = "bo xem lien tinh", PageSize = 1, PageToken = token });
            names.AddRange(page.Directives.Select(d => d.Name));
            Assert.Contains($"provinces/{disabled}", page.Unreachable);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(new[] { a.Name, b.Name }.Order(StringComparer.Ordinal), names);
        Assert.Equal(2, page.TotalSize);
        await ApiAssert.FailsAsync(
            () => Viewer(first).ListDirectivesAsync(new ListDirectivesRequest { Parent = "provinces/-" }),
            StatusCode.PermissionDenied,
            "CROSS_PROVINCE_DENIED");
    }

    private static async Task<Directive> Create(DirectiveService.DirectiveServiceClient client, string province, Directive directive)
        => await client.CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = directive });

    private static async Task<List<string>> Names(DirectiveService.DirectiveServiceClient client, string province, string filter, string orderBy = "")
        => [.. (await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", Filter = filter, OrderBy = orderBy })).Directives.Select(d => d.Name)];

    private static async Task<List<string>> Query(DirectiveService.DirectiveServiceClient client, string province, string query)
        => [.. (await client.ListDirectivesAsync(new ListDirectivesRequest { Parent = $"provinces/{province}", Query = query })).Directives.Select(d => d.Name)];

    private DirectiveService.DirectiveServiceClient Secretariat(string province) => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province);

    private DirectiveService.DirectiveServiceClient Viewer(string province) => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Viewer, province);
}

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveListTestsOnSqlite(SqliteServer server) : DirectiveListTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class DirectiveListTestsOnPostgreSql(PostgreSqlServer server) : DirectiveListTests(server), IClassFixture<PostgreSqlServer>;
