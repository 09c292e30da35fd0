using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Directives.Domain.Validation;
using static Directives.Domain.Tests.Tasks.TaskData;

namespace Directives.Domain.Tests.Tasks;

public class DirectiveTaskTests
{
    [Fact]
    public void Create_KeepsEveryFieldAndStartsNotStarted()
    {
        var id = Guid.NewGuid();
        var task = DirectiveTask.Create(id, DirectiveId, Details());

        Assert.Equal(id, task.Id);
        Assert.Equal(DirectiveId, task.DirectiveId);
        Assert.Equal(TaskNumber.Parse("3"), task.Number);
        Assert.Equal(Details().Title, task.Title);
        Assert.Equal(Details().Content, task.Content);
        Assert.Equal(Police, task.LeadAgencyId);
        Assert.Equal([Military, Front], task.CooperatingAgencyIds);
        Assert.Equal(Deadline.InPeriod(Period.OfYear(2023)), task.Deadline);
        Assert.Equal(task.Deadline, task.OriginalDeadline);
        Assert.Equal(Utc(2023, 12, 31, 17).AddTicks(-1), task.DueAt);
        Assert.Equal(TaskState.NotStarted, task.State);
        Assert.Equal([CrimeDown, ClearanceRate, SeriousClearanceRate, ReportsHandled, ReportsResolved], task.Targets.Select(t => t.Id));
        Assert.Empty(task.Extensions);
        Assert.Empty(task.Reports);
    }

    [Fact]
    public void Create_KeepsTargetsAsStated()
    {
        var crime = DirectiveTask.Create(Guid.NewGuid(), DirectiveId, Details()).Targets[0];
        Assert.Equal("Tội phạm về trật tự xã hội", crime.Metric);
        Assert.Equal(TargetKind.PercentChange, crime.Kind);
        Assert.Equal(TargetComparator.AtMost, crime.Comparator);
        Assert.Equal(-5m, crime.Value);
        Assert.Equal("vụ", crime.Unit);
        Assert.Equal(Period.OfYear(2022), crime.BaselinePeriod);
        Assert.Equal(1_000m, crime.BaselineValue);
    }

    [Fact]
    public void Create_StandingTaskHasNoDueInstant()
    {
        var task = Task(Deadline.Standing);
        Assert.True(task.Deadline.IsStanding);
        Assert.Null(task.DueAt);
    }

    [Fact]
    public void Create_RejectsALeadThatAlsoCooperates()
    {
        var details = Details() with { CooperatingAgencyIds = [Military, Police] };
        var error = Assert.Throws<DomainValidationException>(() => DirectiveTask.Create(Guid.NewGuid(), DirectiveId, details));
        var violation = Assert.Single(error.Violations);
        Assert.Equal("cooperating_agencies[1]", violation.Field);
        Assert.Equal(ErrorReasons.LeadAgencyAlsoCooperating, violation.Reason);
    }

    [Fact]
    public void Create_RejectsRepeatedAndEmptyCooperatingAgencies()
    {
        var details = Details() with { CooperatingAgencyIds = [Military, Front, Military, Guid.Empty] };
        Assert.Equal(
            ["cooperating_agencies[2]", "cooperating_agencies[3]"],
            Violations.Of(() => DirectiveTask.Create(Guid.NewGuid(), DirectiveId, details)));
    }

    [Fact]
    public void Create_ReportsEveryProblemAtOnce()
    {
        var details = new TaskDetails
        {
            Number = "3.01",
            Title = new string('t', 501),
            Content = " \n ",
            LeadAgencyId = Guid.Empty,
            CooperatingAgencyIds = [Military, Military],
            OriginalDeadline = null!,
            Targets =
            [
                new() { Id = CrimeDown, Metric = "", Comparator = (TargetComparator)9, Value = 1, Unit = "%" },
                new() { Id = ClearanceRate, Metric = "Tỷ lệ", Comparator = TargetComparator.Above, Value = 75, Unit = "%", BaselinePeriod = Period.OfYear(2022) },
                new() { Id = Guid.Empty, Metric = "Tội phạm", Kind = TargetKind.PercentChange, Comparator = TargetComparator.AtMost, Value = -5, Unit = "", BaselineValue = 0 },
                new() { Id = ClearanceRate, Metric = "Tỷ lệ", Comparator = TargetComparator.Above, Value = 75, Unit = "%" },
            ],
        };

        var fields = Violations.Of(() => DirectiveTask.Create(Guid.Empty, Guid.Empty, details));

        Assert.Equal(
            [
                "id", "directive", "number", "title", "lead_agency", "cooperating_agencies[1]", "original_deadline",
                "targets[0].metric", "targets[0].comparator", "targets[1].baseline_period",
                "targets[2].target_id", "targets[2].unit", "targets[2].baseline_period", "targets[2].baseline_value",
                "targets[3].target_id",
            ],
            fields);
    }

    [Fact]
    public void Create_KeepsContentVerbatimAndTrimsTheTitle()
    {
        var task = DirectiveTask.Create(Guid.NewGuid(), DirectiveId, Details() with { Title = "  Tuyên truyền  ", Content = "  - Chủ động phòng ngừa…\n" });
        Assert.Equal("Tuyên truyền", task.Title);
        Assert.Equal("  - Chủ động phòng ngừa…\n", task.Content);
    }

    [Fact]
    public void Involves_OnlyLeadAndCooperatingAgencies()
    {
        var task = Task();
        Assert.True(task.Involves(Police));
        Assert.True(task.Involves(Front));
        Assert.False(task.Involves(Education));
    }

    [Fact]
    public void Update_ReplacesFieldsAndUpdatesTargetsInPlace()
    {
        var task = Task();
        var crime = task.Targets[0];
        var targets = TienGiangTargets().Skip(1).Prepend(TienGiangTargets()[0] with { Value = -7m }).Take(2).ToArray();

        task.Update(Details(Deadline.Parse("Quý III/2023")) with { Number = "3.1", CooperatingAgencyIds = [Education], Targets = targets });

        Assert.Equal(TaskNumber.Parse("3.1"), task.Number);
        Assert.Equal([Education], task.CooperatingAgencyIds);
        Assert.Equal(Deadline.Parse("Quý III/2023"), task.OriginalDeadline);
        Assert.Equal(Deadline.Parse("Quý III/2023"), task.Deadline);
        Assert.Equal(Utc(2023, 9, 30, 17).AddTicks(-1), task.DueAt);
        Assert.Equal([CrimeDown, ClearanceRate], task.Targets.Select(t => t.Id));
        Assert.Same(crime, task.Targets[0]);
        Assert.Equal(-7m, crime.Value);
    }

    [Fact]
    public void Update_KeepsTheCallersTargetOrder()
    {
        var task = Task();
        task.Update(Details() with { Targets = TienGiangTargets().Reverse().ToArray() });
        Assert.Equal([ReportsResolved, ReportsHandled, SeriousClearanceRate, ClearanceRate, CrimeDown], task.Targets.Select(t => t.Id));
    }

    [Fact]
    public void Update_CannotRemoveAMeasuredTarget()
    {
        var task = Task();
        task.SubmitReport(Guid.NewGuid(), Report(Police, measurements: new TargetMeasurement(ClearanceRate, 80m)), Utc(2023, 6, 1));

        var withoutClearance = TienGiangTargets().Where(t => t.Id != ClearanceRate).ToArray();
        Assert.Equal(["targets"], Violations.Of(() => task.Update(Details() with { Targets = withoutClearance })));
        Assert.Equal(5, task.Targets.Count);

        // An unmeasured one can go.
        task.Update(Details() with { Targets = TienGiangTargets().Where(t => t.Id != ReportsResolved).ToArray() });
        Assert.Equal(4, task.Targets.Count);
    }

    [Fact]
    public void Update_WithInvalidDetailsChangesNothing()
    {
        var task = Task();
        Violations.Of(() => task.Update(Details() with { Title = "", CooperatingAgencyIds = [Education] }));
        Assert.Equal([Military, Front], task.CooperatingAgencyIds);
        Assert.Equal(Details().Title, task.Title);
    }
}
