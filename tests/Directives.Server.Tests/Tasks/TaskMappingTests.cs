using Directives.Contracts.V1;
using Directives.Domain.Validation;
using Directives.Server.Auth;
using Directives.Server.Services.Tasks;
using DomainDeadline = Directives.Domain.Tasks.Deadline;
using DomainPeriod = Directives.Domain.Time.Period;

namespace Directives.Server.Tests.Tasks;

/// <summary>The contract's task values and the domain's, without a server.</summary>
public sealed class TaskMappingTests
{
    [Theory]
    [InlineData(PeriodKind.Quarter, 2024, 3, "Quý III/2024")]
    [InlineData(PeriodKind.HalfYear, 2023, 1, "6 tháng đầu năm 2023")]
    [InlineData(PeriodKind.Year, 2025, 0, "năm 2025")]
    public void PeriodsRoundTripWithAYearsIndexZero(PeriodKind kind, int year, int index, string vietnamese)
    {
        var contract = new Period { Kind = kind, Year = year, Index = index };
        var violations = new RequestViolations();

        var period = PeriodMapping.FromContract(contract, "period", violations);

        Assert.False(violations.HasViolations);
        Assert.Equal(vietnamese, period!.ToString());
        Assert.Equal(contract, PeriodMapping.ToContract(period));
    }

    [Fact]
    public void AnIndexOutsideItsPeriodKindIsAViolation()
    {
        var violations = new RequestViolations();

        Assert.Null(PeriodMapping.FromContract(new Period { Kind = PeriodKind.Year, Year = 2025, Index = 1 }, "deadline.period", violations));
        Assert.Null(PeriodMapping.FromContract(new Period { Kind = PeriodKind.Quarter, Year = 2025, Index = 5 }, "p", violations));
        Assert.Null(PeriodMapping.FromContract(new Period { Year = 2025 }, "q", violations));

        Assert.Equal(["deadline.period.index", "p.index", "q.kind"], violations.Violations.Select(v => v.Field));
    }

    [Fact]
    public void DeadlinesAreADateAPeriodOrStanding()
    {
        var violations = new RequestViolations();

        Assert.Equal(DomainDeadline.OnDate(new DateOnly(2024, 6, 30)), DeadlineMapping.FromContract(Deadlines.On(2024, 6, 30), "d", violations));
        Assert.Equal(DomainDeadline.InPeriod(DomainPeriod.OfQuarter(2024, 3)), DeadlineMapping.FromContract(Deadlines.Quarter(2024, 3), "d", violations));
        Assert.Equal(DomainDeadline.Standing, DeadlineMapping.FromContract(Deadlines.Standing(), "d", violations));
        Assert.False(violations.HasViolations);

        Assert.Null(DeadlineMapping.FromContract(null, "missing", violations));
        Assert.Null(DeadlineMapping.FromContract(new Deadline { Standing = false }, "standing", violations));
        Assert.Null(DeadlineMapping.FromContract(Deadlines.On(2023, 2, 29), "leap", violations));
        Assert.Equal(["missing", "standing.standing", "leap.date"], violations.Violations.Select(v => v.Field));
    }

    [Fact]
    public void ASubmitterKeepsTheSubjectBesideTheName()
    {
        var caller = new CallerIdentity("sub-42", "Nguyễn Thị Lan", "hung-yen", null, CallerRoles.Officer);

        var text = SubmitterText.Format(caller);
        var actor = SubmitterText.ToActor(text);

        Assert.Equal("Nguyễn Thị Lan <sub-42>", text);
        Assert.Equal(("sub-42", "Nguyễn Thị Lan"), (actor.Subject, actor.DisplayName));
        Assert.Equal(("", "Huỳnh Thị Mỹ Duyên (Sở Tư pháp)"), (SubmitterText.ToActor("Huỳnh Thị Mỹ Duyên (Sở Tư pháp)").Subject, SubmitterText.ToActor("Huỳnh Thị Mỹ Duyên (Sở Tư pháp)").DisplayName));
        Assert.True(SubmitterText.Format(caller with { DisplayName = new string('a', 400) }).Length <= TextLimits.NameMaxLength);
    }

    [Fact]
    public void TheEdgesViolationWinsOverTheDomainsOnTheSameField()
    {
        var edge = new RequestViolations();
        edge.Add("lead_agency", "provinces/x/agencies/y does not exist");
        edge.Add("new_deadline.date", "is not a full date");

        var exception = Assert.Throws<DomainValidationException>(() => InputViolations.Check<bool>(edge, () => throw new DomainValidationException(
        [
            new FieldViolation("lead_agency", "is required"),
            new FieldViolation("new_deadline", "does not end after the deadline in force"),
            new FieldViolation("title", "is required"),
            new FieldViolation("approved_at", "is required"),
        ]), new Dictionary<string, string> { ["approved_at"] = "approve_time" }));

        Assert.Equal(["lead_agency", "new_deadline.date", "title", "approve_time"], exception.Violations.Select(v => v.Field));
        Assert.Equal("provinces/x/agencies/y does not exist", exception.Violations[0].Description);
    }

    [Fact]
    public void TargetIdsAreLowerCaseUuids()
    {
        var id = Guid.NewGuid();

        Assert.True(TargetIds.TryParse(id.ToString("D"), out var parsed));
        Assert.Equal(id, parsed);
        Assert.False(TargetIds.TryParse(id.ToString("D").ToUpperInvariant(), out _));
        Assert.False(TargetIds.TryParse(id.ToString("N"), out _));
        Assert.False(TargetIds.TryParse(Guid.Empty.ToString("D"), out _));
    }
}
