using Directives.Contracts.V1;
using Directives.Data.Changes;
using Directives.Server.Auth;
using Directives.Server.Services.Changes;
using Directives.Server.Tests.Committees;
using Directives.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Kind = Directives.Contracts.V1.ChangeEvent.Types.Kind;
using Position = Directives.Contracts.V1.CommitteeMember.Types.Position;
using Task = System.Threading.Tasks.Task;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Changes;

/// <summary>ChangeFeedService.ListChanges through the real transport, on each storage provider.</summary>
public abstract class ChangeFeedTests(DirectivesServerFixture server)
{
    private static readonly string[] People = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
    private static readonly string[] Others = ["Đỗ Văn Giang", "Trần Thị Bình", "Vũ Văn Hải", "Phạm Thị Dung", "Bùi Thị Hoa"];

    [Fact]
    public async Task AnOfflineReaderCatchesUpExactly()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var feed = Feed(scenario.Province);
        var offline = await ChangeFeedReader.HeadAsync(feed, scenario.Province);

        var committee = await scenario.CreateCommitteeAsync();
        var first = await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "1102/QĐ-UBND", CommitteeScenario.Day(2021, 3, 1), People));
        var second = await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), Others));
        var (events, token) = await ChangeFeedReader.CatchUpAsync(feed, scenario.Province, offline, pageSize: 4);

        // Create: the committee. First reconstitution: the committee, the composition and its 5 members.
        // Second: the committee, the first composition and its 5 members closed, the new composition and 5 members.
        Assert.Equal(1 + 7 + 13, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.ChangeToken).Distinct().Count());
        Assert.Equal((Kind.Created, committee.Name), (events[0].Kind, events[0].Resource));
        Assert.Equal([.. first.Members.Select(m => m.Name), .. second.Members.Select(m => m.Name)], events.Where(e => e.Kind == Kind.Created && e.ResourceType == "directives.gov.vn/CommitteeMember").Select(e => e.Resource));
        Assert.Equal(5, events.Count(e => e.Kind == Kind.Updated && e.ResourceType == "directives.gov.vn/CommitteeMember"));
        Assert.Contains(events, e => (e.Kind, e.Resource) == (Kind.Updated, first.Name));
        Assert.Equal(events.Select(e => ChangeFeedReader.SequenceOf(e.ChangeToken)).Order(), events.Select(e => ChangeFeedReader.SequenceOf(e.ChangeToken)));
        var latest = await scenario.Viewer().GetCommitteeAsync(new GetCommitteeRequest { Name = committee.Name });
        Assert.Equal(latest.Etag, events.Last(e => e.Resource == committee.Name).Etag);

        var nothing = await feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, SinceToken = token });
        Assert.Empty(nothing.Changes);
        Assert.Equal(token, nothing.NextSinceToken);

        var standing = second.Members.Single(m => m.Position == Position.StandingDeputy);
        await scenario.Admin().EndCommitteeMembershipAsync(new EndCommitteeMembershipRequest { Name = standing.Name, EndDate = CommitteeScenario.Day(2024, 5, 31), Reason = "Nghỉ hưu" });
        var (later, _) = await ChangeFeedReader.CatchUpAsync(feed, scenario.Province, token);
        Assert.Equal([(Kind.Updated, committee.Name), (Kind.Updated, standing.Name)], later.Select(e => (e.Kind, e.Resource)));
    }

    [Fact]
    public async Task ConcurrentWritersAreListedInCommitOrderWhileAReaderFollows()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var feed = Feed(scenario.Province);
        var start = await ChangeFeedReader.HeadAsync(feed, scenario.Province);

        var writers = Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            var committee = await scenario.CreateCommitteeAsync($"bcd-xa-{i}", AdministrativeLevel.Commune);
            var composition = await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, $"{i}/QĐ-UBND", CommitteeScenario.Day(2024, i, 1), People));
            return (committee, composition);
        })).ToArray();

        // A reader that follows while the writers write, then once more after they are done.
        var followed = new List<ChangeEvent>();
        var token = start;
        while (!writers.All(w => w.IsCompleted))
        {
            var (events, next) = await ChangeFeedReader.CatchUpAsync(feed, scenario.Province, token, pageSize: 3);
            followed.AddRange(events);
            token = next;
        }

        var written = await Task.WhenAll(writers);
        var (rest, _) = await ChangeFeedReader.CatchUpAsync(feed, scenario.Province, token, pageSize: 3);
        followed.AddRange(rest);
        var (all, _) = await ChangeFeedReader.CatchUpAsync(feed, scenario.Province, start, pageSize: 1000);

        Assert.Equal(4 * (1 + 7), all.Count);
        Assert.Equal(all.Select(e => e.ChangeToken), followed.Select(e => e.ChangeToken));
        var sequences = all.Select(e => ChangeFeedReader.SequenceOf(e.ChangeToken)).ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], sequences.Count).Select(s => (long)s), sequences);
        Assert.Equal(all.Select(e => e.CommitTime.ToDateTimeOffset()).Order(), all.Select(e => e.CommitTime.ToDateTimeOffset()));
        foreach (var (committee, composition) in written)
        {
            Assert.Single(all, e => (e.Kind, e.Resource) == (Kind.Created, committee.Name));
            Assert.Single(all, e => (e.Kind, e.Resource) == (Kind.Created, composition.Name));

            // Each writer's own changes commit in the order it made them.
            var created = all.FindIndex(e => e.Resource == committee.Name);
            var reconstituted = all.FindIndex(e => e.Resource == composition.Name);
            Assert.True(created < reconstituted);
        }
    }

    [Fact]
    public async Task SnapshotsAreTheResourcesAfterTheChange()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var feed = Feed(scenario.Province);
        var start = await ChangeFeedReader.HeadAsync(feed, scenario.Province);
        var committee = await scenario.CreateCommitteeAsync();
        var composition = await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), Others));

        var page = await feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, SinceToken = start, IncludeSnapshots = true });
        var members = await feed.ListChangesAsync(new ListChangesRequest
        {
            Parent = scenario.Parent,
            SinceToken = start,
            ResourceTypes = { "directives.gov.vn/CommitteeMember" },
            IncludeSnapshots = true,
        });
        var bare = await feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, SinceToken = start });

        Assert.Equal(committee, page.Changes[0].Committee);
        var latest = await scenario.Viewer().GetCommitteeAsync(new GetCommitteeRequest { Name = committee.Name });
        Assert.Equal(latest, page.Changes.Last(e => e.Resource == committee.Name).Committee);
        Assert.Equal(composition.Members, members.Changes.Select(e => e.CommitteeMember));
        Assert.All(members.Changes, e => Assert.Equal(e.CommitteeMember.Etag, e.Etag));
        var shown = page.Changes.Single(e => e.Resource == composition.Name).Composition;
        Assert.Equal(composition.Decision, shown.Decision);
        Assert.Empty(shown.Members);
        Assert.All(bare.Changes, e => Assert.Equal(ChangeEvent.SnapshotOneofCase.None, e.SnapshotCase));
    }

    [Fact]
    public async Task ATokenOfAnotherProvinceOrDatabaseIsRefused()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var other = await CommitteeScenario.CreateAsync(server);
        var feed = Feed(scenario.Province);
        var ours = await ChangeFeedReader.HeadAsync(feed, scenario.Province);
        var theirs = await ChangeFeedReader.HeadAsync(Feed(other.Province), other.Province);
        var position = ChangeToken.TryParse(ours)!.Value;

        foreach (var token in new[]
        {
            theirs,
            "not-a-token",
            new ChangeToken(scenario.Province, position.Sequence + 100, 1).ToString(),
            (position with { Fingerprint = position.Fingerprint ^ 1 }).ToString(),
        })
        {
            var status = await AsyncApiAssert.ErrorAsync(
                () => feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, SinceToken = token }).ResponseAsync,
                StatusCode.InvalidArgument,
                "INVALID_CHANGE_TOKEN");
            Assert.Equal("since_token", Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations).Field);
        }

        Assert.Empty((await feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, SinceToken = ours })).Changes);
    }

    [Fact]
    public async Task BadRequestsAreInvalidArguments()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var feed = Feed(scenario.Province);

        var status = await AsyncApiAssert.ErrorAsync(
            () => feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, ResourceTypes = { "directives.gov.vn/Task", "Task" } }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        Assert.Equal("resource_types[1]", Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations).Field);
        await AsyncApiAssert.ErrorAsync(
            () => feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, PageSize = -1 }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");
        var fromStart = await feed.ListChangesAsync(new ListChangesRequest { Parent = scenario.Parent, PageSize = 2 });
        Assert.Equal(2, fromStart.Changes.Count);
        Assert.True(fromStart.HasMore);
        Assert.Equal(1, ChangeFeedReader.SequenceOf(fromStart.Changes[0].ChangeToken));
    }

    [Fact]
    public async Task AnOfficerSeesOnlyTheirAgencysTasksAndReportsAndMovesPastTheOthers()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var province = scenario.Province;
        var start = await ChangeFeedReader.HeadAsync(Feed(province), province);
        var police = scenario.Agency(CommitteeScenario.Police);
        var justice = scenario.Agency(CommitteeScenario.Justice);
        await using (var db = await server.OpenDatabaseAsync(province))
        {
            Record(db, TaskOf(province, "1", lead: justice), "directives.gov.vn/Task");
            Record(db, TaskOf(province, "2", lead: justice, cooperating: police), "directives.gov.vn/Task");
            Record(db, new ProgressReport { Name = $"provinces/{province}/directives/d/tasks/1/reports/r1", Agency = justice }, "directives.gov.vn/ProgressReport");
            Record(db, new ProgressReport { Name = $"provinces/{province}/directives/d/tasks/2/reports/r2", Agency = justice }, "directives.gov.vn/ProgressReport");
            Record(db, TaskOf(province, "3", lead: justice), "directives.gov.vn/Task");
            await db.SaveChangesAsync();
        }

        var officer = server.Client<ChangeFeedService.ChangeFeedServiceClient>(server.MintToken(RoleNames.Officer, province, police));
        var (seen, token) = await ChangeFeedReader.CatchUpAsync(officer, province, start, pageSize: 1);
        var (all, end) = await ChangeFeedReader.CatchUpAsync(Feed(province), province, start);

        Assert.Equal([$"provinces/{province}/directives/d/tasks/2", $"provinces/{province}/directives/d/tasks/2/reports/r2"], seen.Select(e => e.Resource));
        Assert.Equal(5, all.Count);
        Assert.Equal(end, token);
    }

    private ChangeFeedService.ChangeFeedServiceClient Feed(string province)
        => server.Client<ChangeFeedService.ChangeFeedServiceClient>(RoleNames.Viewer, province);

    private static TaskResource TaskOf(string province, string number, string lead, string? cooperating = null)
    {
        var task = new TaskResource { Name = $"provinces/{province}/directives/d/tasks/{number}", Number = number, LeadAgency = lead, Etag = "e" + number };
        if (cooperating is not null)
        {
            task.CooperatingAgencies.Add(cooperating);
        }

        return task;
    }

    // Changes of tasks and reports written as their services record them, without those services.
    private static void Record(Data.ProvinceDbContext db, IMessage resource, string type)
        => db.ChangeLog.Record(new ChangeEntry
        {
            ResourceName = (string)resource.Descriptor.FindFieldByName("name").Accessor.GetValue(resource),
            ResourceType = type,
            Kind = ChangeKind.Created,
            Method = "test/seed",
            Actor = new ChangeActor("test/seed", null, null, []),
            Etag = "etag",
            After = resource.ToByteArray(),
        });
}

[Collection(IntegrationCollection.Name)]
public sealed class ChangeFeedTestsOnSqlite(SqliteServer server) : ChangeFeedTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class ChangeFeedTestsOnPostgreSql(PostgreSqlServer server) : ChangeFeedTests(server), IClassFixture<PostgreSqlServer>;
