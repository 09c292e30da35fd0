using Directives.Domain.Directives;

namespace Directives.Domain.Committees;

/// <summary>
/// A committee's membership as one decision set it, in effect from <see cref="EffectiveFrom"/> until
/// the day before the next reconstitution.
/// </summary>
public sealed class CommitteeComposition
{
    /// <summary>The positions every composition must fill, each with exactly one person.</summary>
    public static readonly IReadOnlyList<CommitteePosition> RequiredPositions =
        [CommitteePosition.Head, CommitteePosition.FirstDeputy, CommitteePosition.StandingDeputy];

    private readonly List<CommitteeMember> _members = [];

    private CommitteeComposition()
    {
    }

    public Guid Id { get; private set; }

    public NumberAndSymbol Decision { get; private set; } = null!;

    public DateOnly? DecisionDate { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The last day in effect; null for the current composition.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    /// <summary>Everyone who served under this composition, in position order.</summary>
    public IReadOnlyList<CommitteeMember> Members => _members;

    public bool IsInEffectOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>Who sat on the committee on <paramref name="day"/> under this composition, in position order.</summary>
    public IReadOnlyList<CommitteeMember> MembersOn(DateOnly day)
        => IsInEffectOn(day) ? _members.Where(m => m.IsServingOn(day)).ToArray() : [];

    /// <summary>The required positions nobody held on <paramref name="day"/>.</summary>
    public IReadOnlyList<CommitteePosition> VacanciesOn(DateOnly day)
    {
        var serving = MembersOn(day);
        return RequiredPositions.Where(p => !serving.Any(m => m.Position == p)).ToArray();
    }

    internal static CommitteeComposition Create(Guid id, NumberAndSymbol decision, DateOnly? decisionDate, DateOnly effectiveFrom, IEnumerable<CommitteeMember> members)
    {
        var composition = new CommitteeComposition
        {
            Id = id,
            Decision = decision,
            DecisionDate = decisionDate,
            EffectiveFrom = effectiveFrom,
        };
        composition._members.AddRange(members.OrderBy(m => m.Order));
        return composition;
    }

    /// <summary>The latest first day of this composition or of anyone appointed to it.</summary>
    internal DateOnly LatestStart => _members.Count == 0 ? EffectiveFrom : new[] { EffectiveFrom, _members.Max(m => m.From) }.Max();

    internal int NextOrder(CommitteePosition position)
        => (((int)position) * 10_000) + _members.Count(m => m.Position == position);

    internal void Add(CommitteeMember member)
    {
        _members.Add(member);
        _members.Sort((a, b) => a.Order.CompareTo(b.Order));
    }

    /// <summary>Ends the composition and every membership still open on <paramref name="lastDay"/>.</summary>
    internal void Close(DateOnly lastDay)
    {
        EffectiveTo = lastDay;
        foreach (var member in _members)
        {
            if (member.To is null || member.To > lastDay)
            {
                member.End(lastDay);
            }
        }
    }
}
