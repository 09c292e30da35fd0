using Directives.Domain.Directives;

namespace Directives.Domain.Committees;

/// <summary>
/// A committee's membership as one decision set it, in force from <see cref="EffectiveDate"/> until
/// the day before the next reconstitution.
/// </summary>
public sealed class CommitteeComposition
{
    /// <summary>The positions every composition must fill, each with exactly one person.</summary>
    public static readonly IReadOnlyList<CommitteePosition> RequiredPositions =
        [CommitteePosition.Head, CommitteePosition.FirstDeputy, CommitteePosition.StandingDeputy];

    // Orders members by position first: position × this + place within the position.
    private const int PositionStride = 10_000;

    private readonly List<CommitteeMember> _members = [];

    private CommitteeComposition()
    {
    }

    public Guid Id { get; private set; }

    public NumberAndSymbol Decision { get; private set; } = null!;

    public DateOnly? DecisionDate { get; private set; }

    /// <summary>The first day in force.</summary>
    public DateOnly EffectiveDate { get; private set; }

    /// <summary>The last day in force; null for the current composition.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Everyone who served under this composition, in position order.</summary>
    public IReadOnlyList<CommitteeMember> Members => _members;

    public bool IsInForceOn(DateOnly day) => day >= EffectiveDate && (EndDate is null || day <= EndDate);

    /// <summary>Who sat on the committee on <paramref name="day"/> under this composition, in position order.</summary>
    public IReadOnlyList<CommitteeMember> MembersOn(DateOnly day)
        => IsInForceOn(day) ? _members.Where(m => m.IsServingOn(day)).ToArray() : [];

    /// <summary>The required positions nobody held on <paramref name="day"/>, with since when and who left.</summary>
    public IReadOnlyList<CommitteeVacancy> VacanciesOn(DateOnly day)
    {
        if (!IsInForceOn(day))
        {
            return NoComposition();
        }

        var vacancies = new List<CommitteeVacancy>();
        foreach (var position in RequiredPositions)
        {
            if (_members.Any(m => m.Position == position && m.IsServingOn(day)))
            {
                continue;
            }

            var previous = _members
                .Where(m => m.Position == position && m.EndDate < day)
                .MaxBy(m => m.EndDate);
            vacancies.Add(new CommitteeVacancy(position, VacancyReason.MemberLeft, previous?.EndDate?.AddDays(1), previous?.Id));
        }

        return vacancies;
    }

    internal static IReadOnlyList<CommitteeVacancy> NoComposition()
        => RequiredPositions.Select(p => new CommitteeVacancy(p, VacancyReason.NoComposition)).ToArray();

    internal static int OrderOf(CommitteePosition position, int placeInPosition) => ((int)position * PositionStride) + placeInPosition;

    internal static CommitteeComposition Create(Guid id, NumberAndSymbol decision, DateOnly? decisionDate, DateOnly effectiveDate, IEnumerable<CommitteeMember> members)
    {
        var composition = new CommitteeComposition
        {
            Id = id,
            Decision = decision,
            DecisionDate = decisionDate,
            EffectiveDate = effectiveDate,
        };
        composition._members.AddRange(members.OrderBy(m => m.Order));
        return composition;
    }

    /// <summary>The latest first day of this composition or of anyone appointed to it.</summary>
    internal DateOnly LatestStart => _members.Select(m => m.StartDate).Append(EffectiveDate).Max();

    internal int NextOrder(CommitteePosition position) => OrderOf(position, _members.Count(m => m.Position == position));

    internal void Add(CommitteeMember member)
    {
        _members.Add(member);
        _members.Sort((a, b) => a.Order.CompareTo(b.Order));
    }

    /// <summary>Ends the composition, and every membership still running, on <paramref name="lastDay"/>.</summary>
    internal void Close(DateOnly lastDay)
    {
        EndDate = lastDay;
        foreach (var member in _members)
        {
            if (member.EndDate is null || member.EndDate > lastDay)
            {
                member.End(lastDay, member.EndReason);
            }
        }
    }
}
