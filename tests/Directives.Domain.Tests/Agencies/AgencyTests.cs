using Directives.Domain.Agencies;
using Directives.Domain.Validation;

namespace Directives.Domain.Tests.Agencies;

public class AgencyTests
{
    private static readonly DateOnly RenamedOn = new(2025, 3, 1);

    [Fact]
    public void Create_StartsActiveWithOneName()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "  Sở Lao động – Thương binh và Xã hội ");
        Assert.Equal("Sở Lao động – Thương binh và Xã hội", agency.Name);
        Assert.Equal(AgencyKind.Department, agency.Kind);
        Assert.True(agency.IsActive);
        Assert.Equal(new AgencyName("Sở Lao động – Thương binh và Xã hội", null, null), Assert.Single(agency.Names));
    }

    [Fact]
    public void Create_ReportsEveryProblem()
    {
        Assert.Equal(["id", "kind", "display_name"], Violations.Of(() => Agency.Create(Guid.Empty, (AgencyKind)99, " ")));
        Assert.Equal(["display_name"], Violations.Of(() => Agency.Create(Guid.NewGuid(), AgencyKind.Police, new string('x', 301))));
    }

    [Fact]
    public void Rename_KeepsTheHistoryWithDates()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Giao thông vận tải", new DateOnly(2008, 4, 1));
        agency.Rename("Sở Xây dựng", RenamedOn);

        Assert.Equal("Sở Xây dựng", agency.Name);
        Assert.Equal(
            [
                new AgencyName("Sở Giao thông vận tải", new DateOnly(2008, 4, 1), new DateOnly(2025, 2, 28)),
                new AgencyName("Sở Xây dựng", RenamedOn, null),
            ],
            agency.Names);
    }

    [Fact]
    public void NameOn_GivesTheNameInEffectThatDay()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Giao thông vận tải", new DateOnly(2008, 4, 1));
        agency.Rename("Sở Xây dựng", RenamedOn);

        Assert.Null(agency.NameOn(new DateOnly(2008, 3, 31)));
        Assert.Equal("Sở Giao thông vận tải", agency.NameOn(new DateOnly(2019, 5, 21)));
        Assert.Equal("Sở Giao thông vận tải", agency.NameOn(new DateOnly(2025, 2, 28)));
        Assert.Equal("Sở Xây dựng", agency.NameOn(RenamedOn));
        Assert.Equal("Sở Xây dựng", agency.NameOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void NameOn_WithAnUnknownStartCoversTheEarlyYears()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Police, "Công an tỉnh");
        Assert.Equal("Công an tỉnh", agency.NameOn(new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void Rename_MustChangeTheNameAndComeAfterTheCurrentOne()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Giao thông vận tải", new DateOnly(2008, 4, 1));
        Assert.Equal(["display_name"], Violations.Of(() => agency.Rename("Sở Giao thông vận tải", RenamedOn)));
        Assert.Equal(["display_name", "effective_date"], Violations.Of(() => agency.Rename("", new DateOnly(2008, 4, 1))));
        Assert.Single(agency.Names);
    }

    [Fact]
    public void MergeInto_MakesTheAgencyInactiveFromThatDay()
    {
        var thaiBinhPolice = Agency.Create(Guid.NewGuid(), AgencyKind.Police, "Công an tỉnh Thái Bình");
        var hungYenPolice = Agency.Create(Guid.NewGuid(), AgencyKind.Police, "Công an tỉnh Hưng Yên");

        thaiBinhPolice.MergeInto(hungYenPolice, new DateOnly(2025, 7, 1));

        Assert.False(thaiBinhPolice.IsActive);
        Assert.Equal(hungYenPolice.Id, thaiBinhPolice.MergedIntoId);
        Assert.Equal(new DateOnly(2025, 7, 1), thaiBinhPolice.MergedOn);
        Assert.True(thaiBinhPolice.IsActiveOn(new DateOnly(2025, 6, 30)));
        Assert.False(thaiBinhPolice.IsActiveOn(new DateOnly(2025, 7, 1)));
        Assert.Equal("Công an tỉnh Thái Bình", thaiBinhPolice.NameOn(new DateOnly(2025, 6, 30)));
        Assert.Equal(new DateOnly(2025, 6, 30), thaiBinhPolice.Names[^1].EndDate);
        Assert.Equal("Công an tỉnh Thái Bình", thaiBinhPolice.Name);
        Assert.True(hungYenPolice.IsActive);
    }

    [Fact]
    public void MergedAgency_CannotBeRenamedOrMergedAgain()
    {
        var merged = Agency.Create(Guid.NewGuid(), AgencyKind.Police, "Công an tỉnh Thái Bình");
        var successor = Agency.Create(Guid.NewGuid(), AgencyKind.Police, "Công an tỉnh Hưng Yên");
        merged.MergeInto(successor, new DateOnly(2025, 7, 1));

        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => merged.Rename("Công an Thái Bình", new DateOnly(2025, 8, 1))).Reason);
        Assert.Equal(ErrorReasons.InvalidStateTransition, Violations.Rule(() => merged.MergeInto(successor, new DateOnly(2025, 8, 1))).Reason);
    }

    [Fact]
    public void MergeInto_NeedsAnotherActiveAgencyAndALaterDay()
    {
        var agency = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Nội vụ", new DateOnly(2020, 1, 1));
        Assert.Equal(["merged_into"], Violations.Of(() => agency.MergeInto(agency, new DateOnly(2025, 7, 1))));

        var inactive = Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Lao động – Thương binh và Xã hội");
        inactive.MergeInto(Agency.Create(Guid.NewGuid(), AgencyKind.Department, "Sở Nội vụ"), new DateOnly(2025, 3, 1));
        var error = Assert.Throws<DomainValidationException>(() => agency.MergeInto(inactive, new DateOnly(2019, 1, 1)));
        Assert.Equal(["merged_into", "effective_date"], error.Violations.Select(v => v.Field));
        Assert.Equal(ErrorReasons.AgencyMerged, error.Violations[0].Reason);
        Assert.True(agency.IsActive);
    }
}
