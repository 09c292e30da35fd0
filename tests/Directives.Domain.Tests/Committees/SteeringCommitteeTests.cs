using Directives.Domain.Committees;
using Directives.Domain.Validation;
using static Directives.Domain.Tests.Committees.CommitteeData;

namespace Directives.Domain.Tests.Committees;

public class SteeringCommitteeTests
{
    private const string Retired = "Nghỉ hưu theo chế độ";
    private static readonly DateOnly First = new(2021, 8, 1);
    private static readonly DateOnly Second = new(2023, 3, 15);

    [Fact]
    public void Create_ChecksEveryField()
    {
        Assert.Equal(
            ["id", "level", "display_name", "area_name", "standing_agency"],
            Violations.Of(() => SteeringCommittee.Create(Guid.Empty, 0, "", " ", Guid.Empty)));

        var committee = SteeringCommittee.Create(Guid.NewGuid(), CommitteeLevel.District, "Ban Chỉ đạo 138 huyện Khoái Châu", "huyện Khoái Châu");
        Assert.Equal(CommitteeLevel.District, committee.Level);
        Assert.Equal("huyện Khoái Châu", committee.AreaName);
        Assert.Null(committee.StandingAgencyId);
        Assert.Empty(committee.Compositions);
        Assert.Equal(Police, Committee().StandingAgencyId);
    }

    [Fact]
    public void Reconstitute_SetsACompositionListedInPositionOrder()
    {
        var committee = Committee();
        var composition = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));

        Assert.Equal("1234/QĐ-UBND", composition.Decision.Text);
        Assert.Equal(First, composition.DecisionDate);
        Assert.Equal(First, composition.EffectiveDate);
        Assert.Null(composition.EndDate);
        Assert.Equal(
            [CommitteePosition.Head, CommitteePosition.FirstDeputy, CommitteePosition.StandingDeputy, CommitteePosition.Deputy, CommitteePosition.Deputy, CommitteePosition.Member],
            composition.Members.Select(m => m.Position));
        Assert.Equal(["Lê Thị Hoa", "Võ Văn Bình"], composition.Members.Where(m => m.Position == CommitteePosition.Deputy).Select(m => m.PersonName));
        Assert.All(composition.Members, m => Assert.Equal(First, m.StartDate));
        Assert.All(composition.Members, m => Assert.Equal(composition.Id, m.CompositionId));
        Assert.Equal("Chủ tịch UBND tỉnh", composition.Members[0].Title);
        Assert.Equal(["Phòng, chống tội phạm"], composition.Members[0].ResponsibilityAreas);
    }

    [Theory]
    [InlineData(CommitteePosition.Head)]
    [InlineData(CommitteePosition.FirstDeputy)]
    [InlineData(CommitteePosition.StandingDeputy)]
    public void Reconstitute_NeedsExactlyOneOfEachRequiredPosition(CommitteePosition position)
    {
        var committee = Committee();
        var without = Members().Where(m => m.Position != position).ToArray();
        var error = Assert.Throws<DomainValidationException>(() => committee.Reconstitute(Guid.NewGuid(), Composition("1/QĐ-UBND", First, without)));
        var violation = Assert.Single(error.Violations);
        Assert.Equal("members", violation.Field);
        Assert.Equal(ErrorReasons.CommitteePositionCount, violation.Reason);

        var twice = Members().Append(Member("Người Thứ Hai", position, PeoplesCommittee)).ToArray();
        Assert.Equal(["members"], Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), Composition("1/QĐ-UBND", First, twice))));
        Assert.Empty(committee.Compositions);
    }

    [Fact]
    public void Reconstitute_ReportsEveryProblemAtOnce()
    {
        var committee = Committee();
        var members = Members().ToList();
        members[0] = members[0] with { PersonName = "", AgencyId = Guid.Empty, ResponsibilityAreas = [" "] };
        members.Add(Member("NGUYEN VAN VINH", CommitteePosition.Member, Court));
        members.Add(members[2] with { PersonName = "Người Khác", Position = CommitteePosition.Member });
        var details = new CompositionDetails
        {
            Decision = "QĐ-UBND",
            DecisionDate = First.AddDays(1),
            EffectiveDate = First,
            Members = members,
        };

        Assert.Equal(
            [
                "decision.number_and_symbol", "decision.issue_date",
                "members[0].person_name", "members[0].agency", "members[0].responsibility_areas[0]",
                "members[6].person_name", "members[7].id",
            ],
            Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), details)));
    }

    [Fact]
    public void Reconstitute_RejectsMoreThan200Members()
    {
        var members = Members().Concat(Enumerable.Range(0, 195).Select(i => Member($"Ủy viên {i}", CommitteePosition.Member, Court))).ToArray();
        Assert.Equal(201, members.Length);
        Assert.Equal(["members"], Violations.Of(() => Committee().Reconstitute(Guid.NewGuid(), Composition("1/QĐ-UBND", First, members))));
        Committee().Reconstitute(Guid.NewGuid(), Composition("1/QĐ-UBND", First, members[..200]));
    }

    [Fact]
    public void Reconstitute_ClosesThePreviousCompositionTheDayBefore()
    {
        var committee = Committee();
        var first = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var second = committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second, Members(head: "Nguyễn Thành Diệu")));

        Assert.Equal(new DateOnly(2023, 3, 14), first.EndDate);
        Assert.All(first.Members, m => Assert.Equal(new DateOnly(2023, 3, 14), m.EndDate));
        Assert.All(first.Members, m => Assert.Null(m.EndReason));
        Assert.Null(second.EndDate);
        Assert.Equal([first, second], committee.Compositions);
    }

    [Fact]
    public void Reconstitute_KeepsAnEarlierDepartureAndItsReason()
    {
        var committee = Committee();
        var first = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var left = first.Members[^1];
        committee.EndMembership(left.Id, new DateOnly(2022, 6, 30), Retired);
        committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second));
        Assert.Equal(new DateOnly(2022, 6, 30), left.EndDate);
        Assert.Equal(Retired, left.EndReason);
    }

    [Fact]
    public void Reconstitute_MustStartAfterTheCurrentComposition()
    {
        var committee = Committee();
        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        Assert.Equal(["effective_date"], Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", First))));
        Assert.Equal(["effective_date"], Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", First.AddDays(-1)))));
        Assert.Null(committee.Compositions[0].EndDate);
    }

    [Fact]
    public void Reconstitute_MustStartAfterTheLatestAppointment()
    {
        var committee = Committee();
        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), new DateOnly(2022, 5, 1));
        Assert.Equal(["effective_date"], Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", new DateOnly(2022, 5, 1)))));
        committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", new DateOnly(2022, 5, 2)));
    }

    [Fact]
    public void Reconstitute_RejectsReusedIds()
    {
        var committee = Committee();
        var compositionId = Guid.NewGuid();
        var members = Members();
        committee.Reconstitute(compositionId, Composition("1234/QĐ-UBND", First, members));
        Assert.Equal(["id"], Violations.Of(() => committee.Reconstitute(compositionId, Composition("567/QĐ-UBND", Second))));

        var reused = Members().ToList();
        reused[1] = reused[1] with { Id = members[1].Id };
        Assert.Equal(["members[1].id"], Violations.Of(() => committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second, reused))));
    }

    [Fact]
    public void CompositionOn_AnswersForAnyDay()
    {
        var committee = Committee();
        var first = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var second = committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second, Members(head: "Nguyễn Thành Diệu")));

        Assert.Null(committee.CompositionOn(First.AddDays(-1)));
        Assert.Same(first, committee.CompositionOn(First));
        Assert.Same(first, committee.CompositionOn(new DateOnly(2023, 3, 14)));
        Assert.Same(second, committee.CompositionOn(Second));
        Assert.Same(second, committee.CompositionOn(new DateOnly(2030, 1, 1)));

        Assert.Equal("Nguyễn Văn Vinh", committee.MembersOn(new DateOnly(2023, 3, 14))[0].PersonName);
        Assert.Equal("Nguyễn Thành Diệu", committee.MembersOn(Second)[0].PersonName);
        Assert.Empty(committee.MembersOn(First.AddDays(-1)));
    }

    [Fact]
    public void CurrentComposition_UsesTodayInVietnam()
    {
        var committee = Committee();
        var first = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var second = committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second));

        // 14/03/2023 16:59:59Z is still the 14th in Vietnam; 17:00Z is the 15th.
        Assert.Same(first, committee.CurrentComposition(new DateTimeOffset(2023, 3, 14, 16, 59, 59, TimeSpan.Zero)));
        Assert.Same(second, committee.CurrentComposition(new DateTimeOffset(2023, 3, 14, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AFutureReconstitution_LeavesTheCurrentCompositionInForceUntilThen()
    {
        var committee = Committee();
        var first = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", new DateOnly(2030, 1, 1)));
        Assert.Same(first, committee.CurrentComposition(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2029, 12, 31), first.EndDate);
    }

    [Fact]
    public void Vacancies_AreRequiredPositionsNobodyHolds()
    {
        var committee = Committee();
        var composition = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var standingDeputy = composition.Members.Single(m => m.Position == CommitteePosition.StandingDeputy);
        var deputy = composition.Members.First(m => m.Position == CommitteePosition.Deputy);

        Assert.Empty(committee.VacanciesOn(First));
        committee.EndMembership(standingDeputy.Id, new DateOnly(2022, 6, 30), "Điều động, luân chuyển");
        committee.EndMembership(deputy.Id, new DateOnly(2022, 6, 30), Retired);

        Assert.Empty(committee.VacanciesOn(new DateOnly(2022, 6, 30)));
        Assert.Equal(
            [new CommitteeVacancy(CommitteePosition.StandingDeputy, VacancyReason.MemberLeft, new DateOnly(2022, 7, 1), standingDeputy.Id)],
            committee.VacanciesOn(new DateOnly(2022, 9, 1)));
        Assert.DoesNotContain(committee.MembersOn(new DateOnly(2022, 7, 1)), m => m.Id == standingDeputy.Id);
    }

    [Fact]
    public void Vacancies_WithoutACompositionAreEveryRequiredPosition()
    {
        Assert.Equal(
            [
                new CommitteeVacancy(CommitteePosition.Head, VacancyReason.NoComposition),
                new CommitteeVacancy(CommitteePosition.FirstDeputy, VacancyReason.NoComposition),
                new CommitteeVacancy(CommitteePosition.StandingDeputy, VacancyReason.NoComposition),
            ],
            Committee().VacanciesOn(First));
    }

    [Fact]
    public void Appoint_FillsAVacancyFromItsFirstDay()
    {
        var committee = Committee();
        var composition = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var leaving = composition.Members.Single(m => m.Position == CommitteePosition.StandingDeputy);
        committee.EndMembership(leaving.Id, new DateOnly(2022, 6, 30), "Điều động, luân chuyển");

        var appointed = committee.Appoint(
            Member("Huỳnh Văn Mười", CommitteePosition.StandingDeputy, Police, "Giám đốc Công an tỉnh"),
            new DateOnly(2022, 8, 1),
            "2001/QĐ-UBND");

        Assert.Equal("2001/QĐ-UBND", appointed.AppointedBy!.Text);
        Assert.Equal(composition.Id, appointed.CompositionId);
        Assert.Equal(new DateOnly(2022, 8, 1), appointed.StartDate);
        Assert.Equal(CommitteePosition.StandingDeputy, Assert.Single(committee.VacanciesOn(new DateOnly(2022, 7, 31))).Position);
        Assert.Empty(committee.VacanciesOn(new DateOnly(2022, 8, 1)));
        Assert.Equal(
            ["Nguyễn Văn Vinh", "Phạm Văn Trọng", "Huỳnh Văn Mười", "Lê Thị Hoa", "Võ Văn Bình", "Trần Văn Dũng"],
            committee.MembersOn(new DateOnly(2022, 8, 1)).Select(m => m.PersonName));
    }

    [Fact]
    public void Appoint_ToAnOccupiedRequiredPositionIsRefused()
    {
        var committee = Committee();
        var composition = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        var error = Violations.Rule(() => committee.Appoint(Member("Người Mới", CommitteePosition.Head, PeoplesCommittee), new DateOnly(2022, 1, 1)));
        Assert.Equal(ErrorReasons.InvalidStateTransition, error.Reason);

        // A holder leaving after the appointment's first day still overlaps it.
        var head = composition.Members[0];
        committee.EndMembership(head.Id, new DateOnly(2022, 3, 1), Retired);
        Violations.Rule(() => committee.Appoint(Member("Người Mới", CommitteePosition.Head, PeoplesCommittee), new DateOnly(2022, 1, 1)));
        committee.Appoint(Member("Người Mới", CommitteePosition.Head, PeoplesCommittee), new DateOnly(2022, 3, 2));
        Assert.Equal("Người Mới", committee.MembersOn(new DateOnly(2022, 3, 2))[0].PersonName);
    }

    [Fact]
    public void Appoint_AnyNumberOfDeputiesAndMembers()
    {
        var committee = Committee();
        var composition = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        committee.Appoint(Member("Phó Ban Mới", CommitteePosition.Deputy, Police), new DateOnly(2022, 1, 1));
        committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), new DateOnly(2022, 1, 1));
        Assert.Equal(8, committee.MembersOn(new DateOnly(2022, 1, 1)).Count);
        Assert.Equal(6, committee.MembersOn(new DateOnly(2021, 12, 31)).Count);
        Assert.Equal("Phó Ban Mới", composition.Members[5].PersonName);
        Assert.Equal("Ủy Viên Mới", composition.Members[^1].PersonName);
    }

    [Fact]
    public void Appoint_NeedsTheCurrentCompositionInForce()
    {
        var committee = Committee();
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), First)).Reason);

        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second));
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), new DateOnly(2022, 1, 1))).Reason);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), First.AddDays(-1))).Reason);
        committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), Second.AddDays(3));
    }

    [Fact]
    public void Appoint_RejectsAPersonAlreadyServingAndABadDecision()
    {
        var committee = Committee();
        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        Assert.Equal(["person_name"], Violations.Of(() => committee.Appoint(Member("nguyễn văn vinh", CommitteePosition.Member, Court), new DateOnly(2022, 1, 1))));
        Assert.Equal(["decision.number_and_symbol"], Violations.Of(() => committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), new DateOnly(2022, 1, 1), "QĐ")));
        Assert.Equal(["title"], Violations.Of(() => committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court) with { Title = "" }, new DateOnly(2022, 1, 1))));
    }

    [Fact]
    public void EndMembership_OnlyOnceNotBeforeItBeganAndWithAReason()
    {
        var committee = Committee();
        var member = committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First)).Members[^1];

        Assert.Equal(["end_date", "reason"], Violations.Of(() => committee.EndMembership(member.Id, First.AddDays(-1), " ")));
        committee.EndMembership(member.Id, First, Retired);
        Assert.Equal((First, Retired), (member.EndDate!.Value, member.EndReason));
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => committee.EndMembership(member.Id, First.AddDays(5), Retired)).Reason);
        Assert.Equal(ErrorReasons.ResourceNotFound, Violations.Rule(() => committee.EndMembership(Guid.NewGuid(), First, Retired)).Reason);
    }

    [Fact]
    public void MemberHistory_FollowsAPersonAcrossCompositions()
    {
        var committee = Committee();
        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First, Members(standingDeputy: "Nguyễn Văn Nhựt")));
        var second = committee.Reconstitute(Guid.NewGuid(), Composition("567/QĐ-UBND", Second, Members(head: "Nguyễn Văn Nhựt", standingDeputy: "Huỳnh Văn Mười")));

        var history = committee.MemberHistory("nguyen van nhut");

        Assert.Equal(2, history.Count);
        Assert.Equal(CommitteePosition.StandingDeputy, history[0].Position);
        Assert.Equal("1234/QĐ-UBND", history[0].Decision.Text);
        Assert.Equal((First, new DateOnly(2023, 3, 14)), (history[0].StartDate, history[0].EndDate));
        Assert.Equal(CommitteePosition.Head, history[1].Position);
        Assert.Equal(second.Decision, history[1].Decision);
        Assert.Equal((Second, (DateOnly?)null), (history[1].StartDate, history[1].EndDate));
        Assert.Equal("Nguyễn Văn Nhựt", history[1].PersonName);
        Assert.Empty(committee.MemberHistory("Nguyễn Văn Nhật"));
    }

    [Fact]
    public void MemberHistory_NamesTheAppointingDecision()
    {
        var committee = Committee();
        committee.Reconstitute(Guid.NewGuid(), Composition("1234/QĐ-UBND", First));
        committee.Appoint(Member("Ủy Viên Mới", CommitteePosition.Member, Court), new DateOnly(2022, 1, 1), "2001/QĐ-UBND");
        Assert.Equal("2001/QĐ-UBND", Assert.Single(committee.MemberHistory("Ủy Viên Mới")).Decision.Text);
    }
}
