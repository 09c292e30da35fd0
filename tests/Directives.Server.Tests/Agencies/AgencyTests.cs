using Directives.Contracts.V1;
using Directives.Server.Auth;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Agencies;

/// <summary>AgencyService through the real transport, on each storage provider; each test in a province of its own.</summary>
public abstract class AgencyTests(DirectivesServerFixture server)
{
    [Fact]
    public async Task CreateGetAndListTheCatalogue()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var police = await Create(client, province, "cong-an-tinh", "Công an tỉnh", Agency.Types.Kind.Police, new Date { Year = 2008, Month = 8, Day = 1 });
        await Create(client, province, "so-giao-thong-van-tai", "Sở Giao thông vận tải", Agency.Types.Kind.Department);
        await Create(client, province, "bo-chi-huy-quan-su", "Bộ Chỉ huy Quân sự tỉnh", Agency.Types.Kind.Military);

        Assert.Equal(police, await client.GetAgencyAsync(new GetAgencyRequest { Name = police.Name }));
        Assert.Equal(Agency.Types.State.Active, police.State);
        Assert.Equal("Công an tỉnh", Assert.Single(police.NameHistory).DisplayName);
        Assert.Equal(2008, police.StartDate.Year);

        var all = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" });
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "Sở Giao thông vận tải"], all.Agencies.Select(a => a.DisplayName));
        Assert.Equal(3, all.TotalSize);

        var departments = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", Filter = "kind = DEPARTMENT" });
        Assert.Equal("Sở Giao thông vận tải", Assert.Single(departments.Agencies).DisplayName);

        var folded = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", Filter = "display_name:\"cong an\"" });
        Assert.Equal(police.Name, Assert.Single(folded.Agencies).Name);

        var byKindDesc = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", OrderBy = "kind desc, name" });
        Assert.Equal([Agency.Types.Kind.Department, Agency.Types.Kind.Military, Agency.Types.Kind.Police], byKindDesc.Agencies.Select(a => a.Kind));
    }

    [Fact]
    public async Task PagesNeitherSkipNorRepeat()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        for (var i = 0; i < 7; i++)
        {
            await Create(client, province, $"ubnd-huyen-{i}", $"UBND huyện số {i}", Agency.Types.Kind.DistrictPeoplesCommittee);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", PageSize = 3, PageToken = token });
            seen.AddRange(page.Agencies.Select(a => a.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task RenameKeepsTheHistoryOfNames()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var agency = await Create(client, province, "ubnd-huyen-my-hao", "UBND huyện Mỹ Hào", Agency.Types.Kind.DistrictPeoplesCommittee, new Date { Year = 1999, Month = 7, Day = 24 });

        var renamed = await client.RenameAgencyAsync(new RenameAgencyRequest
        {
            Name = agency.Name,
            DisplayName = "UBND thị xã Mỹ Hào",
            EffectiveDate = new Date { Year = 2019, Month = 4, Day = 1 },
            Etag = agency.Etag,
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal("UBND thị xã Mỹ Hào", renamed.DisplayName);
        Assert.Equal(2, renamed.NameHistory.Count);
        Assert.Equal(new Date { Year = 2019, Month = 3, Day = 31 }, renamed.NameHistory[0].EndDate);
        Assert.Equal(new Date { Year = 2019, Month = 4, Day = 1 }, renamed.NameHistory[1].StartDate);
        var byOldName = await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", Filter = "name_history.display_name:\"huyen my hao\"" });
        Assert.Single(byOldName.Agencies);

        await ApiAssert.InvalidAsync(
            () => client.RenameAgencyAsync(new RenameAgencyRequest { Name = agency.Name, DisplayName = "UBND thành phố Mỹ Hào", EffectiveDate = new Date { Year = 2019, Month = 1, Day = 1 } }),
            "effective_date");
        await ApiAssert.InvalidAsync(
            () => client.UpdateAgencyAsync(new UpdateAgencyRequest { Agency = new Agency { Name = agency.Name, DisplayName = "Khác" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }),
            "update_mask");
    }

    [Fact]
    public async Task UpdateChangesTheKindAndAStaleEtagIsAborted()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var agency = await Create(client, province, "van-phong", "Văn phòng UBND tỉnh", Agency.Types.Kind.Department);

        var updated = await client.UpdateAgencyAsync(new UpdateAgencyRequest { Agency = new Agency { Name = agency.Name, Kind = Agency.Types.Kind.Other, Etag = agency.Etag } });

        Assert.Equal(Agency.Types.Kind.Other, updated.Kind);
        await ApiAssert.FailsAsync(
            () => client.UpdateAgencyAsync(new UpdateAgencyRequest { Agency = new Agency { Name = agency.Name, Kind = Agency.Types.Kind.PartyBody, Etag = agency.Etag } }),
            StatusCode.Aborted,
            "ETAG_MISMATCH");
    }

    [Fact]
    public async Task MergeEndsTheSourcesAndReassignsOpenTasksOnly()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var home = await Create(client, province, "so-noi-vu", "Sở Nội vụ", Agency.Types.Kind.Department);
        var labour = await Create(client, province, "so-lao-dong", "Sở Lao động – Thương binh và Xã hội", Agency.Types.Kind.Department);
        var police = await Create(client, province, "cong-an-tinh", "Công an tỉnh", Agency.Types.Kind.Police);
        var directive = await server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province)
            .CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = Directives.SampleDirectives.Draft() });
        var tasks = server.Client<TaskService.TaskServiceClient>(RoleNames.Secretariat, province);
        var open = await tasks.CreateTaskAsync(new CreateTaskRequest
        {
            Parent = directive.Name,
            TaskId = "1",
            Task = new Contracts.V1.Task { Number = "1", Title = "Hỗ trợ người lao động", LeadAgency = labour.Name, CooperatingAgencies = { police.Name }, OriginalDeadline = new Deadline { Standing = true } },
        });
        var cooperating = await tasks.CreateTaskAsync(new CreateTaskRequest
        {
            Parent = directive.Name,
            TaskId = "2",
            Task = new Contracts.V1.Task { Number = "2", Title = "Phòng chống tội phạm", LeadAgency = police.Name, CooperatingAgencies = { labour.Name, home.Name }, OriginalDeadline = new Deadline { Standing = true } },
        });

        var target = await client.MergeAgenciesAsync(new MergeAgenciesRequest
        {
            Name = home.Name,
            SourceAgencies = { labour.Name },
            EffectiveDate = new Date { Year = 2025, Month = 3, Day = 1 },
            ReassignOpenTasks = true,
            Etag = home.Etag,
        });

        Assert.Equal(home.Name, target.Name);
        var merged = await client.GetAgencyAsync(new GetAgencyRequest { Name = labour.Name });
        Assert.Equal(Agency.Types.State.Merged, merged.State);
        Assert.Equal(home.Name, merged.MergedInto);
        Assert.Equal(new Date { Year = 2025, Month = 3, Day = 1 }, merged.MergeDate);
        Assert.Equal(new Date { Year = 2025, Month = 2, Day = 28 }, merged.NameHistory[^1].EndDate);

        var reassigned = await tasks.GetTaskAsync(new GetTaskRequest { Name = open.Name });
        Assert.Equal(home.Name, reassigned.LeadAgency);
        Assert.Equal([police.Name], reassigned.CooperatingAgencies);
        var deduplicated = await tasks.GetTaskAsync(new GetTaskRequest { Name = cooperating.Name });
        Assert.Equal([home.Name], deduplicated.CooperatingAgencies);

        var draft = Directives.SampleDirectives.Draft();
        draft.MonitoringAgency = labour.Name;
        await ApiAssert.FailsAsync(
            () => server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province).CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = draft }),
            StatusCode.InvalidArgument,
            "AGENCY_MERGED");
        await ApiAssert.InvalidAsync(() => client.MergeAgenciesAsync(new MergeAgenciesRequest { Name = home.Name, SourceAgencies = { home.Name } }), "source_agencies[0]");
    }

    [Fact]
    public async Task DeleteIsRefusedWhileReferencedAndUndeleteRestores()
    {
        var province = await server.CreateProvinceAsync();
        var client = Secretariat(province);
        var used = await Create(client, province, "cong-an-tinh", "Công an tỉnh", Agency.Types.Kind.Police);
        var unused = await Create(client, province, "nhap-nham", "Nhập nhầm", Agency.Types.Kind.Other);
        var draft = Directives.SampleDirectives.Draft();
        draft.MonitoringAgency = used.Name;
        await server.Client<DirectiveService.DirectiveServiceClient>(RoleNames.Secretariat, province)
            .CreateDirectiveAsync(new CreateDirectiveRequest { Parent = $"provinces/{province}", Directive = draft });

        await ApiAssert.FailsAsync(() => client.DeleteAgencyAsync(new DeleteAgencyRequest { Name = used.Name }), StatusCode.FailedPrecondition, "HAS_DEPENDENTS");

        var deleted = await client.DeleteAgencyAsync(new DeleteAgencyRequest { Name = unused.Name, Etag = unused.Etag });
        Assert.NotNull(deleted.DeleteTime);
        Assert.DoesNotContain((await client.ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}" })).Agencies, a => a.Name == unused.Name);
        var restored = await client.UndeleteAgencyAsync(new UndeleteAgencyRequest { Name = unused.Name });
        Assert.Null(restored.DeleteTime);
    }

    [Fact]
    public async Task HistoryRecordsWhoChangedWhatAndHow()
    {
        var province = await server.CreateProvinceAsync();
        var clerk = server.Client<AgencyService.AgencyServiceClient>(server.MintToken(RoleNames.Secretariat, province, subject: "nguyen-thi-lan", displayName: "Nguyễn Thị Lan"));
        var agency = await Create(clerk, province, "ubnd-huyen-my-hao", "UBND huyện Mỹ Hào", Agency.Types.Kind.DistrictPeoplesCommittee);
        var requestId = Guid.NewGuid().ToString();
        var renamed = await clerk.RenameAgencyAsync(new RenameAgencyRequest
        {
            Name = agency.Name,
            DisplayName = "UBND thị xã Mỹ Hào",
            EffectiveDate = new Date { Year = 2019, Month = 4, Day = 1 },
            RequestId = requestId,
        });

        var history = await Viewer(province).ListAgencyHistoryAsync(new ListAgencyHistoryRequest { Name = agency.Name });

        Assert.Equal(2, history.Entries.Count);
        var rename = history.Entries[0];
        Assert.Equal("/directives.v1.AgencyService/RenameAgency", rename.Method);
        Assert.Equal("nguyen-thi-lan", rename.Actor.Subject);
        Assert.Equal("Nguyễn Thị Lan", rename.Actor.DisplayName);
        Assert.Equal(["secretariat"], rename.Actor.Roles);
        Assert.Equal(requestId, rename.RequestId);
        Assert.Equal(agency, rename.Before);
        Assert.Equal(renamed, rename.After);
        Assert.Equal(renamed.RevisionId, rename.RevisionId);
        Assert.True(rename.CommitTime.ToDateTimeOffset() >= renamed.UpdateTime.ToDateTimeOffset());
        Assert.Null(history.Entries[1].Before);
        Assert.Equal("/directives.v1.AgencyService/CreateAgency", history.Entries[1].Method);

        var creations = await Viewer(province).ListAgencyHistoryAsync(new ListAgencyHistoryRequest
        {
            Name = agency.Name,
            Filter = "method = \"/directives.v1.AgencyService/CreateAgency\"",
        });
        Assert.Single(creations.Entries);
    }

    [Fact]
    public async Task InvalidInputIsReportedPerField()
    {
        var province = await server.CreateProvinceAsync();
        await ApiAssert.InvalidAsync(
            () => Secretariat(province).CreateAgencyAsync(new CreateAgencyRequest
            {
                Parent = $"provinces/{province}",
                AgencyId = "-bad-",
                Agency = new Agency { DisplayName = new string('x', 301), StartDate = new Date { Year = 2024, Month = 13, Day = 1 } },
            }),
            "agency_id",
            "agency.display_name",
            "agency.kind",
            "agency.start_date");
        await ApiAssert.InvalidAsync(() => Viewer(province).ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", PageSize = -1 }), "page_size");
        await ApiAssert.InvalidAsync(() => Viewer(province).ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", Filter = "kind = = POLICE" }), "filter");
        await ApiAssert.InvalidAsync(() => Viewer(province).ListAgenciesAsync(new ListAgenciesRequest { Parent = $"provinces/{province}", OrderBy = "budget" }), "order_by");
    }

    private static async Task<Agency> Create(AgencyService.AgencyServiceClient client, string province, string id, string name, Agency.Types.Kind kind, Date? start = null)
        => await client.CreateAgencyAsync(new CreateAgencyRequest
        {
            Parent = $"provinces/{province}",
            AgencyId = id,
            Agency = new Agency { DisplayName = name, Kind = kind, StartDate = start },
        });

    private AgencyService.AgencyServiceClient Secretariat(string province) => server.Client<AgencyService.AgencyServiceClient>(RoleNames.Secretariat, province);

    private AgencyService.AgencyServiceClient Viewer(string province) => server.Client<AgencyService.AgencyServiceClient>(RoleNames.Viewer, province);
}

[Collection(IntegrationCollection.Name)]
public sealed class AgencyTestsOnSqlite(SqliteServer server) : AgencyTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class AgencyTestsOnPostgreSql(PostgreSqlServer server) : AgencyTests(server), IClassFixture<PostgreSqlServer>;
