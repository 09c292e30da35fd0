using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Tasks;
using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>
/// The demo data is built through the domain's factories, so a broken rule would already have thrown;
/// these tests check the rules that span aggregates, which only the database would otherwise enforce.
/// </summary>
public sealed class DomainRulesTests
{
    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryTaskHasOneLeadThatDoesNotAlsoCooperate(string provinceId)
    {
        Assert.All(DemoDataSets.Of(provinceId).Tasks, resource =>
        {
            var task = resource.Value;
            Assert.NotEqual(Guid.Empty, task.LeadAgencyId);
            Assert.DoesNotContain(task.LeadAgencyId, task.CooperatingAgencyIds);
            Assert.Equal(task.CooperatingAgencyIds.Count, task.CooperatingAgencyIds.Distinct().Count());
        });
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryReferencedAgencyIsInTheCatalogue(string provinceId)
    {
        var data = DemoDataSets.Of(provinceId);
        var catalogue = data.Agencies.Select(a => a.Value.Id).ToHashSet();

        var references = new List<(string Where, Guid Agency)>();
        foreach (var directive in data.Directives)
        {
            if (directive.Value.MonitoringAgencyId is { } monitoring)
            {
                references.Add((directive.Name, monitoring));
            }
        }

        foreach (var task in data.Tasks)
        {
            references.Add((task.Name, task.Value.LeadAgencyId));
            references.AddRange(task.Value.CooperatingAgencyIds.Select(a => (task.Name, a)));
            references.AddRange(task.Value.Reports.Select(r => ($"{task.Name} report", r.AgencyId)));
        }

        foreach (var committee in data.Committees)
        {
            references.Add((committee.Name, committee.Value.StandingAgencyId!.Value));
            references.AddRange(committee.Value.Compositions.SelectMany(c => c.Members).Select(m => ($"{committee.Name} {m.PersonName}", m.AgencyId)));
        }

        references.AddRange(data.Agencies.Where(a => a.Value.MergedIntoId is not null).Select(a => (a.Name, a.Value.MergedIntoId!.Value)));

        Assert.All(references, reference => Assert.True(catalogue.Contains(reference.Agency), $"{reference.Where} names an agency outside the catalogue"));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EverySubtaskHasItsParentInTheSameDirectiveAndCompletesFirst(string provinceId)
    {
        var tasks = DemoDataSets.Of(provinceId).Tasks.Select(t => t.Value).ToArray();
        foreach (var task in tasks.Where(t => t.Number.Parent is not null))
        {
            var parent = Assert.Single(tasks, t => t.DirectiveId == task.DirectiveId && t.Number == task.Number.Parent);

            // The Server refuses to complete a task with open subtasks.
            if (parent.State == TaskState.Completed)
            {
                Assert.Equal(TaskState.Completed, task.State);
                Assert.True(task.CompletedAt <= parent.CompletedAt, $"{task.Number} completed after its parent");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void OpenTasksAreLedByActiveAgencies(string provinceId)
    {
        // A merger with reassign_open_tasks would have moved them; the demo keeps that case out.
        var data = DemoDataSets.Of(provinceId);
        var agencies = data.Agencies.ToDictionary(a => a.Value.Id, a => a.Value);

        Assert.All(data.Tasks.Where(t => t.Value.IsOpen), task => Assert.True(agencies[task.Value.LeadAgencyId].IsActive, task.Name));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void EveryCompositionFillsTheRequiredSeatsOnceAndFollowsThePreviousOne(string provinceId)
    {
        var committee = Assert.Single(DemoDataSets.Of(provinceId).Committees).Value;

        Assert.Equal(CommitteeLevel.Province, committee.Level);
        Assert.True(committee.Compositions.Count >= 2, "a reconstitution (kiện toàn) for history queries");
        for (var i = 0; i < committee.Compositions.Count; i++)
        {
            var composition = committee.Compositions[i];
            var firstDay = composition.MembersOn(composition.EffectiveDate);
            foreach (var seat in CommitteeComposition.RequiredPositions)
            {
                Assert.Single(firstDay, m => m.Position == seat);
            }

            Assert.Equal(firstDay.Count, firstDay.Select(m => m.PersonName).Distinct().Count());
            Assert.Equal(firstDay.Select(m => m.Position).Order(), firstDay.Select(m => m.Position));
            if (i > 0)
            {
                Assert.Equal(composition.EffectiveDate.AddDays(-1), committee.Compositions[i - 1].EndDate);
            }
        }

        Assert.Null(committee.Compositions[^1].EndDate);
        Assert.Empty(committee.VacanciesOn(DemoTimelineToday()));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void HeadsAreChairmenAndStandingDeputiesArePoliceDirectors(string provinceId)
    {
        var data = DemoDataSets.Of(provinceId);
        var police = data.Agencies.Single(a => a.Id == "cong-an-tinh").Value.Id;
        var peoplesCommittee = data.Agencies.Single(a => a.Id == "ubnd-tinh").Value.Id;
        var committee = Assert.Single(data.Committees).Value;

        Assert.Equal(police, committee.StandingAgencyId);
        var members = committee.Compositions.SelectMany(c => c.Members).ToArray();
        Assert.All(members.Where(m => m.Position is CommitteePosition.Head or CommitteePosition.FirstDeputy), m => Assert.Equal(peoplesCommittee, m.AgencyId));
        Assert.All(members.Where(m => m.Position == CommitteePosition.StandingDeputy), m =>
        {
            Assert.Equal(police, m.AgencyId);
            Assert.Equal("Giám đốc Công an tỉnh", m.Title);
        });
    }

    [Fact]
    public void TienGiangsStandingDeputySeatWasVacantBetweenTwoDirectors()
    {
        var committee = DemoDataSets.Of("tien-giang").Committees[0].Value;

        var vacancy = Assert.Single(committee.VacanciesOn(new DateOnly(2024, 9, 15)));
        Assert.Equal(CommitteePosition.StandingDeputy, vacancy.Position);
        Assert.Equal(new DateOnly(2024, 9, 1), vacancy.StartDate);
        Assert.Empty(committee.VacanciesOn(new DateOnly(2024, 10, 1)));
        Assert.Equal(2, committee.MemberHistory("Lê Minh Trí").Count);
    }

    [Fact]
    public void MemberHistorySpansReconstitutions()
    {
        var committee = DemoDataSets.Of("hung-yen").Committees[0].Value;

        var tenures = committee.MemberHistory("Luong Van Tien");

        Assert.Equal([CommitteePosition.FirstDeputy, CommitteePosition.Head], tenures.Select(t => t.Position));
        Assert.Equal(["1205/QĐ-UBND", "2468/QĐ-UBND"], tenures.Select(t => t.Decision.Text));
    }

    [Fact]
    public void TheDepartmentsMergedIn2025KeepTheirNamesAndPointAtTheirSuccessors()
    {
        var agencies = DemoDataSets.Of("tien-giang").Agencies.ToDictionary(a => a.Id, a => a.Value);

        var labour = agencies["so-ldtbxh"];
        Assert.False(labour.IsActive);
        Assert.Equal(agencies["so-noi-vu"].Id, labour.MergedIntoId);
        Assert.Equal(new DateOnly(2025, 3, 1), labour.MergedOn);
        Assert.Equal("Sở Lao động – Thương binh và Xã hội", labour.NameOn(new DateOnly(2024, 12, 31)));
        Assert.Null(labour.NameOn(new DateOnly(2025, 3, 1)));
        Assert.Equal(AgencyKind.Department, labour.Kind);
    }

    [Fact]
    public void MyHaoKeepsTheNameItHadAsADistrict()
    {
        var myHao = DemoDataSets.Of("hung-yen").Agencies.Single(a => a.Id == "ubnd-thi-xa-my-hao").Value;

        Assert.Equal("Ủy ban nhân dân huyện Mỹ Hào", myHao.NameOn(new DateOnly(2019, 3, 31)));
        Assert.Equal("Ủy ban nhân dân thị xã Mỹ Hào", myHao.NameOn(new DateOnly(2019, 4, 1)));
    }

    [Theory]
    [MemberData(nameof(DemoDataSets.ProvinceIds), MemberType = typeof(DemoDataSets))]
    public void MergedAgenciesAreInsertedAfterTheAgencyTheyMergedInto(string provinceId)
    {
        var agencies = DemoDataSets.Of(provinceId).Agencies.Select(a => a.Value).ToList();

        Assert.All(agencies.Where(a => a.MergedIntoId is not null), merged =>
            Assert.True(agencies.FindIndex(a => a.Id == merged.MergedIntoId) < agencies.IndexOf(merged)));
    }

    private static DateOnly DemoTimelineToday() => new DemoTimeline(DateTimeOffset.UtcNow).Today;
}
