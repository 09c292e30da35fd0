using Directives.Contracts.V1;
using Directives.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Position = Directives.Contracts.V1.CommitteeMember.Types.Position;
using Reason = Directives.Contracts.V1.Vacancy.Types.Reason;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Tests.Committees;

/// <summary>CommitteeService through the real transport, on each storage provider: committees, compositions by decision, vacancies and members.</summary>
public abstract class CommitteeServiceTests(DirectivesServerFixture server)
{
    private static readonly string[] FirstTerm = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
    private static readonly string[] SecondTerm = ["Đỗ Văn Giang", "Trần Thị Bình", "Vũ Văn Hải", "Phạm Thị Dung", "Bùi Thị Hoa"];

    [Fact]
    public async Task CreateThenGetAndListShowTheCommittee()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);

        var created = await scenario.CreateCommitteeAsync();

        Assert.Equal($"provinces/{scenario.Province}/committees/bcd-138", created.Name);
        Assert.Equal(AdministrativeLevel.Province, created.Level);
        Assert.Equal(scenario.Agency(CommitteeScenario.Police), created.StandingAgency);
        Assert.Equal("", created.CurrentComposition);
        Assert.Equal(3, created.VacancyCount);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created, await scenario.Viewer().GetCommitteeAsync(new GetCommitteeRequest { Name = created.Name }));
        var district = await scenario.CreateCommitteeAsync("bcd-138-van-lam", AdministrativeLevel.District);

        var listed = await scenario.Viewer().ListCommitteesAsync(new ListCommitteesRequest { Parent = scenario.Parent, PageSize = 1 });
        var rest = await scenario.Viewer().ListCommitteesAsync(new ListCommitteesRequest { Parent = scenario.Parent, PageToken = listed.NextPageToken });
        Assert.Equal([created.Name, district.Name], [.. listed.Committees.Concat(rest.Committees).Select(c => c.Name)]);
        Assert.Equal(2, listed.TotalSize);
        Assert.Equal("", rest.NextPageToken);
        var districts = await scenario.Viewer().ListCommitteesAsync(new ListCommitteesRequest { Parent = scenario.Parent, Filter = "level = DISTRICT" });
        Assert.Equal(district.Name, Assert.Single(districts.Committees).Name);
    }

    [Fact]
    public async Task CreateRefusesATakenIdAndReturnsTheFirstResultToARetry()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var request = new CreateCommitteeRequest
        {
            Parent = scenario.Parent,
            CommitteeId = "bcd-xa",
            RequestId = Guid.NewGuid().ToString(),
            Committee = new SteeringCommittee
            {
                DisplayName = "Ban Chỉ đạo 138 xã Thử",
                Level = AdministrativeLevel.Commune,
                AreaName = "xã Thử",
                StandingAgency = scenario.Agency(CommitteeScenario.Police),
            },
        };

        var checkedOnly = await scenario.Admin().CreateCommitteeAsync(new CreateCommitteeRequest(request) { ValidateOnly = true });
        await AsyncApiAssert.ErrorAsync(() => scenario.Viewer().GetCommitteeAsync(new GetCommitteeRequest { Name = checkedOnly.Name }).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var first = await scenario.Admin().CreateCommitteeAsync(request);
        var retry = await scenario.Admin().CreateCommitteeAsync(request);

        Assert.Equal(first, retry);
        await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().CreateCommitteeAsync(new CreateCommitteeRequest(request) { RequestId = "" }).ResponseAsync,
            StatusCode.AlreadyExists,
            "RESOURCE_ALREADY_EXISTS");
        await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().CreateCommitteeAsync(new CreateCommitteeRequest(request) { CommitteeId = "bcd-khac" }).ResponseAsync,
            StatusCode.AlreadyExists,
            "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task CreateReportsEveryViolationAndAnUnknownAgency()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);

        var status = await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().CreateCommitteeAsync(new CreateCommitteeRequest
            {
                Parent = scenario.Parent,
                Committee = new SteeringCommittee { DisplayName = " ", StandingAgency = scenario.Agency("khong-co") },
            }).ResponseAsync,
            StatusCode.InvalidArgument,
            "INVALID_FIELD");

        var fields = status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order().ToArray();
        Assert.Equal(["committee.area_name", "committee.display_name", "committee.level", "committee.standing_agency"], fields);
    }

    [Fact]
    public async Task OnlyAProvinceAdminChangesCommittees()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);

        await AsyncApiAssert.ErrorAsync(
            () => scenario.Viewer().CreateCommitteeAsync(new CreateCommitteeRequest { Parent = scenario.Parent, Committee = new SteeringCommittee() }).ResponseAsync,
            StatusCode.PermissionDenied,
            "ROLE_REQUIRED");
    }

    [Fact]
    public async Task UpdateChangesTheMaskedFieldsUnderTheEtag()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();

        var updated = await scenario.Admin().UpdateCommitteeAsync(new UpdateCommitteeRequest
        {
            Committee = new SteeringCommittee { Name = committee.Name, Etag = committee.Etag, DisplayName = "Ban Chỉ đạo 138 tỉnh Mới", AreaName = "bị bỏ qua" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name" } },
        });

        Assert.Equal("Ban Chỉ đạo 138 tỉnh Mới", updated.DisplayName);
        Assert.Equal(committee.AreaName, updated.AreaName);
        Assert.NotEqual(committee.Etag, updated.Etag);
        await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().UpdateCommitteeAsync(new UpdateCommitteeRequest
            {
                Committee = new SteeringCommittee { Name = committee.Name, Etag = committee.Etag, DisplayName = "Cũ" },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name" } },
            }).ResponseAsync,
            StatusCode.Aborted,
            "ETAG_MISMATCH");
    }

    [Fact]
    public async Task ReconstitutionClosesThePreviousCompositionTheDayBefore()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        var admin = scenario.Admin();

        var first = await admin.ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "1102/QĐ-UBND", CommitteeScenario.Day(2021, 3, 1), FirstTerm));
        var second = await admin.ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm));

        Assert.Equal(CommitteeScenario.Day(2021, 3, 1), first.EffectiveDate);
        Assert.Equal([.. FirstTerm], first.Members.Select(m => m.PersonName));
        Assert.Equal(Position.Head, first.Members[0].Position);
        Assert.Empty(first.Vacancies);
        Assert.Null(second.EndDate);
        var compositions = await scenario.Viewer().ListCompositionsAsync(new ListCompositionsRequest { Parent = committee.Name });
        Assert.Equal([second.Name, first.Name], compositions.Compositions.Select(c => c.Name));
        Assert.Equal(CommitteeScenario.Day(2024, 1, 14), compositions.Compositions[1].EndDate);
        Assert.Empty(compositions.Compositions[1].Members);

        var before = await scenario.Viewer().GetCompositionAsync(new GetCompositionRequest { Committee = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 1, 14) });
        var after = await scenario.Viewer().GetCompositionAsync(new GetCompositionRequest { Committee = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 1, 15) });
        Assert.Equal(first.Name, before.Name);
        Assert.Equal("1102/QĐ-UBND", before.Decision.NumberAndSymbol);
        Assert.Equal([.. FirstTerm], before.Members.Select(m => m.PersonName));
        Assert.Equal(second.Name, after.Name);
        Assert.Equal([.. SecondTerm], after.Members.Select(m => m.PersonName));
        Assert.Equal(second.Name, (await scenario.Viewer().GetCompositionAsync(new GetCompositionRequest { Committee = committee.Name })).Name);
        await AsyncApiAssert.ErrorAsync(
            () => scenario.Viewer().GetCompositionAsync(new GetCompositionRequest { Committee = committee.Name, AsOfDate = CommitteeScenario.Day(2021, 2, 28) }).ResponseAsync,
            StatusCode.NotFound,
            "RESOURCE_NOT_FOUND");

        var current = await scenario.Viewer().GetCommitteeAsync(new GetCommitteeRequest { Name = committee.Name });
        Assert.Equal(second.Name, current.CurrentComposition);
        Assert.Equal(5, current.MemberCount);
        Assert.Equal(0, current.VacancyCount);
    }

    [Fact]
    public async Task MemberHistoryKeepsEveryTenure()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "1102/QĐ-UBND", CommitteeScenario.Day(2021, 3, 1), FirstTerm));
        await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm));

        var all = await scenario.Viewer().ListMemberHistoryAsync(new ListMemberHistoryRequest { Parent = committee.Name });
        var binh = await scenario.Viewer().ListMemberHistoryAsync(new ListMemberHistoryRequest { Parent = committee.Name, Filter = "person_name:\"tran thi binh\"" });
        var on2022 = await scenario.Viewer().ListMemberHistoryAsync(new ListMemberHistoryRequest
        {
            Parent = committee.Name,
            Filter = "start_date <= \"2022-05-01\" AND end_date >= \"2022-05-01\"",
            OrderBy = "position",
        });

        Assert.Equal(10, all.TotalSize);
        Assert.Equal("Đỗ Văn Giang", all.Members[0].PersonName); // the newest head first
        Assert.Equal(2, binh.Members.Count);
        Assert.Equal([CommitteeScenario.Day(2024, 1, 15), CommitteeScenario.Day(2021, 3, 1)], binh.Members.Select(m => m.StartDate));
        Assert.Equal(CommitteeScenario.Day(2024, 1, 14), binh.Members[1].EndDate);
        Assert.Equal("1102/QĐ-UBND", binh.Members[1].Decision.NumberAndSymbol);
        Assert.Equal([.. FirstTerm], on2022.Members.Select(m => m.PersonName));
        var read = await scenario.Viewer().GetCommitteeMemberAsync(new GetCommitteeMemberRequest { Name = binh.Members[1].Name });
        Assert.Equal(binh.Members[1], read);
    }

    [Fact]
    public async Task VacanciesFollowDeparturesAndAppointments()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        var admin = scenario.Admin();
        var viewer = scenario.Viewer();
        var noComposition = await viewer.ListVacanciesAsync(new ListVacanciesRequest { Parent = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 1, 1) });
        Assert.Equal([Position.Head, Position.FirstDeputy, Position.StandingDeputy], noComposition.Vacancies.Select(v => v.Position));
        Assert.All(noComposition.Vacancies, v => Assert.Equal(Reason.NoComposition, v.Reason));

        var composition = await admin.ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm));
        var standing = composition.Members.Single(m => m.Position == Position.StandingDeputy);
        var ended = await admin.EndCommitteeMembershipAsync(new EndCommitteeMembershipRequest
        {
            Name = standing.Name,
            EndDate = CommitteeScenario.Day(2024, 5, 31),
            Reason = "Nghỉ hưu theo chế độ",
            Etag = standing.Etag,
        });

        Assert.Equal(CommitteeScenario.Day(2024, 5, 31), ended.EndDate);
        Assert.Equal("Nghỉ hưu theo chế độ", ended.EndReason);
        Assert.NotEqual(standing.Etag, ended.Etag);
        Assert.Empty((await viewer.ListVacanciesAsync(new ListVacanciesRequest { Parent = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 5, 31) })).Vacancies);
        var vacant = Assert.Single((await viewer.ListVacanciesAsync(new ListVacanciesRequest
        {
            Parent = $"{scenario.Parent}/committees/-",
            AsOfDate = CommitteeScenario.Day(2024, 6, 10),
        })).Vacancies);
        Assert.Equal(Position.StandingDeputy, vacant.Position);
        Assert.Equal(Reason.MemberLeft, vacant.Reason);
        Assert.Equal(CommitteeScenario.Day(2024, 6, 1), vacant.StartDate);
        Assert.Equal(standing.Name, vacant.PreviousMember);
        await AsyncApiAssert.ErrorAsync(
            () => admin.EndCommitteeMembershipAsync(new EndCommitteeMembershipRequest { Name = standing.Name, Reason = "Lần hai" }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");

        await AsyncApiAssert.ErrorAsync(
            () => admin.AppointCommitteeMemberAsync(new AppointCommitteeMemberRequest
            {
                Parent = committee.Name,
                Member = scenario.Member("Ngô Văn Khánh", Position.Head),
                StartDate = CommitteeScenario.Day(2024, 7, 1),
            }).ResponseAsync,
            StatusCode.FailedPrecondition,
            "POSITION_OCCUPIED");
        var appointed = await admin.AppointCommitteeMemberAsync(new AppointCommitteeMemberRequest
        {
            Parent = committee.Name,
            Member = scenario.Member("Ngô Văn Khánh", Position.StandingDeputy, "Giám đốc Công an tỉnh"),
            StartDate = CommitteeScenario.Day(2024, 7, 1),
            Decision = new DocumentReference { NumberAndSymbol = "1520/QĐ-UBND" },
        });

        Assert.Equal(composition.Name, appointed.Composition);
        Assert.Equal("1520/QĐ-UBND", appointed.Decision.NumberAndSymbol);
        Assert.Single((await viewer.ListVacanciesAsync(new ListVacanciesRequest { Parent = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 6, 30) })).Vacancies);
        Assert.Empty((await viewer.ListVacanciesAsync(new ListVacanciesRequest { Parent = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 7, 1) })).Vacancies);
        var july = await viewer.GetCompositionAsync(new GetCompositionRequest { Committee = committee.Name, AsOfDate = CommitteeScenario.Day(2024, 7, 1) });
        Assert.Contains(july.Members, m => m.Name == appointed.Name);
        Assert.DoesNotContain(july.Members, m => m.Name == standing.Name);
    }

    [Fact]
    public async Task ACompositionNeedsExactlyOneOfEachRequiredPosition()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        var request = scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm);
        request.Members[2].Position = Position.Head; // two heads, and so no standing deputy

        var status = await AsyncApiAssert.ErrorAsync(() => scenario.Admin().ReconstituteCommitteeAsync(request).ResponseAsync, StatusCode.InvalidArgument, "COMMITTEE_POSITION_COUNT");

        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("members", v.Field));
        Assert.Contains(violations, v => v.Description.Contains("Head, found 2", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Description.Contains("StandingDeputy, found 0", StringComparison.Ordinal));
        Assert.Empty((await scenario.Viewer().ListCompositionsAsync(new ListCompositionsRequest { Parent = committee.Name })).Compositions);
    }

    [Fact]
    public async Task AReconstitutionReportsEveryMemberViolation()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        var request = scenario.Reconstitution(committee.Name, "không phải số", CommitteeScenario.Day(2024, 1, 15), SecondTerm);
        request.Members[1].Agency = scenario.Agency("khong-co");
        request.Members[4].PersonName = "do van giang"; // the head again, spelled without marks

        var status = await AsyncApiAssert.ErrorAsync(() => scenario.Admin().ReconstituteCommitteeAsync(request).ResponseAsync, StatusCode.InvalidArgument, "INVALID_FIELD");

        var fields = status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order().ToArray();
        Assert.Equal(["decision.number_and_symbol", "members[1].agency", "members[4].person_name"], fields);
    }

    [Fact]
    public async Task AReconstitutionMustStartAfterTheCurrentComposition()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        await scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm));

        await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "300/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), FirstTerm)).ResponseAsync,
            StatusCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION");
        await AsyncApiAssert.ErrorAsync(
            () => scenario.Admin().ReconstituteCommitteeAsync(scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2025, 1, 15), FirstTerm)).ResponseAsync,
            StatusCode.AlreadyExists,
            "RESOURCE_ALREADY_EXISTS");
    }

    [Fact]
    public async Task AReconstitutionChecksTheEtagAndAnswersARetryWithTheFirstResult()
    {
        var scenario = await CommitteeScenario.CreateAsync(server);
        var committee = await scenario.CreateCommitteeAsync();
        var request = scenario.Reconstitution(committee.Name, "245/QĐ-UBND", CommitteeScenario.Day(2024, 1, 15), SecondTerm);
        request.Etag = committee.Etag;
        request.RequestId = Guid.NewGuid().ToString();

        var checkedOnly = await scenario.Admin().ReconstituteCommitteeAsync(new ReconstituteCommitteeRequest(request) { ValidateOnly = true });
        Assert.Empty((await scenario.Viewer().ListCompositionsAsync(new ListCompositionsRequest { Parent = committee.Name })).Compositions);
        var first = await scenario.Admin().ReconstituteCommitteeAsync(request);
        var retry = await scenario.Admin().ReconstituteCommitteeAsync(request);

        Assert.Equal(5, checkedOnly.Members.Count);
        Assert.Equal(first, retry);
        Assert.Single((await scenario.Viewer().ListCompositionsAsync(new ListCompositionsRequest { Parent = committee.Name })).Compositions);
        var stale = scenario.Reconstitution(committee.Name, "300/QĐ-UBND", CommitteeScenario.Day(2025, 1, 15), FirstTerm);
        stale.Etag = committee.Etag;
        await AsyncApiAssert.ErrorAsync(() => scenario.Admin().ReconstituteCommitteeAsync(stale).ResponseAsync, StatusCode.Aborted, "ETAG_MISMATCH");
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class CommitteeServiceTestsOnSqlite(SqliteServer server) : CommitteeServiceTests(server), IClassFixture<SqliteServer>;

[Collection(IntegrationCollection.Name)]
public sealed class CommitteeServiceTestsOnPostgreSql(PostgreSqlServer server) : CommitteeServiceTests(server), IClassFixture<PostgreSqlServer>;
