using Directives.Domain.Directives;
using Directives.Domain.Validation;

namespace Directives.Domain.Committees;

/// <summary>
/// A person holding a position on a committee, for a stretch of days within one composition: from
/// the composition's start, or a later appointment, to a departure or the next reconstitution.
/// </summary>
public sealed class CommitteeMember
{
    private readonly List<string> _responsibilityAreas = [];

    private CommitteeMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid CompositionId { get; private set; }

    public string PersonName { get; private set; } = "";

    /// <summary>The person's post in their agency: "Giám đốc Công an tỉnh".</summary>
    public string Title { get; private set; } = "";

    public Guid AgencyId { get; private set; }

    public CommitteePosition Position { get; private set; }

    public IReadOnlyList<string> ResponsibilityAreas => _responsibilityAreas;

    /// <summary>The first day on the committee.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The last day on the committee; null while serving with no end set.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Why the member left early (thôi tham gia); null when the term ran to a reconstitution or runs on.</summary>
    public string? EndReason { get; private set; }

    /// <summary>The decision that appointed this member after the composition was set; null for the composition's own list.</summary>
    public NumberAndSymbol? AppointedBy { get; private set; }

    /// <summary>Sorts members by position, then in the order the decisions listed them.</summary>
    public int Order { get; private set; }

    public bool IsServingOn(DateOnly day) => day >= StartDate && (EndDate is null || day <= EndDate);

    internal bool IsSamePerson(string personName) => PersonNames.Same(PersonName, personName);

    internal static CommitteeMember? Create(
        MemberDetails? details, Guid compositionId, DateOnly startDate, int order, NumberAndSymbol? appointedBy, ViolationCollector violations)
    {
        if (details is null)
        {
            violations.Add("", "is missing");
            return null;
        }

        var before = violations.Violations.Count;
        violations.RequiredId("id", details.Id);
        var name = violations.RequiredLine(CommitteeFields.PersonName, details.PersonName, TextLimits.NameMaxLength);
        var title = violations.RequiredLine(CommitteeFields.Title, details.Title, TextLimits.NameMaxLength);
        violations.RequiredId(CommitteeFields.Agency, details.AgencyId);
        violations.Defined(CommitteeFields.Position, details.Position);
        var areas = new List<string>();
        for (var i = 0; i < (details.ResponsibilityAreas?.Count ?? 0); i++)
        {
            var field = FieldPath.Item(CommitteeFields.ResponsibilityAreas, i);
            if (violations.RequiredLine(field, details.ResponsibilityAreas![i], TextLimits.NoteMaxLength) is { } area)
            {
                areas.Add(area);
            }
        }

        if (violations.Violations.Count > before)
        {
            return null;
        }

        var member = new CommitteeMember
        {
            Id = details.Id,
            CompositionId = compositionId,
            PersonName = name!,
            Title = title!,
            AgencyId = details.AgencyId,
            Position = details.Position,
            StartDate = startDate,
            AppointedBy = appointedBy,
            Order = order,
        };
        member._responsibilityAreas.AddRange(areas);
        return member;
    }

    internal void End(DateOnly lastDay, string? reason)
    {
        EndDate = lastDay;
        EndReason = reason;
    }
}
