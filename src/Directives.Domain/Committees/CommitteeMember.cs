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

    public string PersonName { get; private set; } = "";

    public string PersonTitle { get; private set; } = "";

    public Guid AgencyId { get; private set; }

    public CommitteePosition Position { get; private set; }

    public IReadOnlyList<string> ResponsibilityAreas => _responsibilityAreas;

    /// <summary>The first day on the committee.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day on the committee; null while serving with no end set.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>The decision that appointed this member after the composition was set; null for the composition's own list.</summary>
    public NumberAndSymbol? AppointedBy { get; private set; }

    /// <summary>The position order, then the order the decision listed members in.</summary>
    public int Order { get; private set; }

    public bool IsServingOn(DateOnly day) => day >= From && (To is null || day <= To);

    internal bool IsSamePerson(string personName) => PersonNames.Same(PersonName, personName);

    internal static CommitteeMember? Create(MemberDetails? details, DateOnly from, int order, NumberAndSymbol? appointedBy, ViolationCollector violations)
    {
        if (details is null)
        {
            violations.Add("", "is missing");
            return null;
        }

        var before = violations.Violations.Count;
        violations.RequiredId("id", details.Id);
        var name = violations.RequiredLine(CommitteeFields.PersonName, details.PersonName, TextLimits.NameMaxLength);
        var title = violations.RequiredLine(CommitteeFields.PersonTitle, details.PersonTitle, TextLimits.NameMaxLength);
        violations.RequiredId(CommitteeFields.Agency, details.AgencyId);
        violations.Defined(CommitteeFields.Position, details.Position);
        var areas = new List<string>();
        for (var i = 0; i < (details.ResponsibilityAreas?.Count ?? 0); i++)
        {
            var area = violations.RequiredLine(FieldPath.Item(CommitteeFields.ResponsibilityAreas, i), details.ResponsibilityAreas![i], TextLimits.NoteMaxLength);
            if (area is not null)
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
            PersonName = name!,
            PersonTitle = title!,
            AgencyId = details.AgencyId,
            Position = details.Position,
            From = from,
            AppointedBy = appointedBy,
            Order = order,
        };
        member._responsibilityAreas.AddRange(areas);
        return member;
    }

    internal void End(DateOnly lastDay) => To = lastDay;
}
