using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Server.DemoData;

namespace Directives.Server.Tests.DemoData;

/// <summary>
/// Every demo fact is dated in the past, so what the demo shows with the real clock stays the same;
/// a clock set back in time builds the data as it stood then.
/// </summary>
public sealed class TimelineTests
{
    [Fact]
    public void WithTheRealClockEveryTimelinessButInTimeAppears()
    {
        var now = DateTimeOffset.UtcNow;
        var timeliness = DemoDataSets.All.SelectMany(d => d.Tasks).Select(t => t.Value.TimelinessAt(now)).ToHashSet();

        Assert.Contains(Timeliness.OnTime, timeliness);
        Assert.Contains(Timeliness.CompletedLate, timeliness);
        Assert.Contains(Timeliness.Overdue, timeliness);
        Assert.Contains(Timeliness.NotApplicable, timeliness);
    }

    [Theory]
    [InlineData("tien-giang")]
    [InlineData("nam-dinh")]
    [InlineData("hai-duong")]
    public void EachProvinceWithIssuedDatedTasksShowsOnTimeLateAndOverdue(string provinceId)
    {
        var now = DateTimeOffset.UtcNow;
        var timeliness = DemoDataSets.Of(provinceId).Tasks.Select(t => t.Value.TimelinessAt(now)).ToHashSet();

        Assert.Superset(new HashSet<Timeliness> { Timeliness.OnTime, Timeliness.CompletedLate, Timeliness.Overdue }, timeliness);
    }

    [Fact]
    public void TimelinessIsTheSameNextYear()
    {
        var now = DateTimeOffset.UtcNow;
        var later = now.AddYears(1);

        Assert.All(DemoDataSets.All.SelectMany(d => d.Tasks), t => Assert.Equal(t.Value.TimelinessAt(now), t.Value.TimelinessAt(later)));
    }

    [Fact]
    public void NoFactIsDatedAfterTheClock()
    {
        var now = DateTimeOffset.UtcNow;
        var data = DemoDataSets.All;

        Assert.All(data.SelectMany(d => d.Tasks).SelectMany(t => t.Value.Reports), r => Assert.True(r.SubmittedAt <= now));
        Assert.All(data.SelectMany(d => d.Tasks), t => Assert.True(t.Value.CompletedAt is null || t.Value.CompletedAt <= now));
        Assert.All(data.SelectMany(d => d.Directives), d => Assert.True(d.Value.IssuedOn is null || d.Value.IssuedOn <= DateOnly.FromDateTime(now.UtcDateTime)));
    }

    [Fact]
    public void MidTwentyTwentyFourShowsNamDinhAsItStoodThen()
    {
        var asOf = new DateTimeOffset(2024, 3, 15, 3, 0, 0, TimeSpan.Zero);
        var data = DemoDataSet.For("nam-dinh", new FixedTimeProvider(asOf));

        Assert.Equal(asOf, data.AsOf);
        var directives = data.Directives.ToDictionary(d => d.Id, d => d.Value);
        Assert.Equal(DirectiveState.Superseded, directives["2023-02-ct-ubnd"].State);
        Assert.Equal(DirectiveState.Issued, directives["2024-03-ct-ubnd"].State);

        var tasks = data.Tasks.Where(t => t.Value.DirectiveId == directives["2024-03-ct-ubnd"].Id).ToDictionary(t => t.Value.Number.ToString(), t => t.Value);
        Assert.Equal(Timeliness.InTime, tasks["2.2"].TimelinessAt(asOf));
        Assert.Empty(tasks["2.2"].Extensions);
        Assert.Equal(Timeliness.InTime, tasks["3"].TimelinessAt(asOf));
        Assert.Empty(tasks["3"].Reports);
        Assert.Equal(Timeliness.OnTime, tasks["2.1"].TimelinessAt(asOf));

        // The 2025 mergers had not happened.
        Assert.All(data.Agencies, a => Assert.True(a.Value.IsActive));
        Assert.DoesNotContain(data.ResourceNames.Values, n => n.Contains("/reports/2024-06", StringComparison.Ordinal));
    }

    [Fact]
    public void BeforeADirectiveWasIssuedItIsLeftOut()
    {
        var data = DemoDataSet.For("nam-dinh", new FixedTimeProvider(new DateTimeOffset(2023, 6, 1, 3, 0, 0, TimeSpan.Zero)));

        var directive = Assert.Single(data.Directives);
        Assert.Equal("2023-02-ct-ubnd", directive.Id);
        Assert.Equal(DirectiveState.Issued, directive.Value.State);
        Assert.All(data.Tasks, t => Assert.Equal(directive.Value.Id, t.Value.DirectiveId));
        Assert.Single(data.Committees[0].Value.Compositions);
    }

    [Fact]
    public void NamDinhsExtensionKeepsTheOriginalDeadline()
    {
        var task = DemoDataSets.Of("nam-dinh").Tasks.Single(t => t.Name.EndsWith("2024-03-ct-ubnd/tasks/2-2", StringComparison.Ordinal)).Value;

        Assert.Equal("31/03/2024", task.OriginalDeadline.ToString());
        Assert.Equal("30/04/2024", task.Deadline.ToString());
        var extension = Assert.Single(task.Extensions);
        Assert.Equal("1432/UBND-NC", extension.ApprovingDecision.Text);
        Assert.Equal(Timeliness.OnTime, task.TimelinessAt(DateTimeOffset.UtcNow));
    }
}
