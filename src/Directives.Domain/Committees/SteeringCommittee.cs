using Directives.Domain.Directives;
using Directives.Domain.Time;
using Directives.Domain.Validation;

namespace Directives.Domain.Committees;

/// <summary>
/// A crime-prevention steering committee (Ban Chỉ đạo 138) at province, district or commune level.
/// Its membership is versioned by decision: each reconstitution (kiện toàn) sets a new composition
/// and closes the previous one the day before, so the committee can be read as it stood on any day.
/// </summary>
public sealed class SteeringCommittee
{
    private readonly List<CommitteeComposition> _compositions = [];

    private SteeringCommittee()
    {
    }

    public Guid Id { get; private set; }

    public CommitteeLevel Level { get; private set; }

    /// <summary>"Ban Chỉ đạo 138 tỉnh Tiền Giang", "Ban Chỉ đạo 138 huyện Khoái Châu".</summary>
    public string Name { get; private set; } = "";

    /// <summary>The province, district or commune it serves: "Tiền Giang", "huyện Khoái Châu".</summary>
    public string AreaName { get; private set; } = "";

    /// <summary>The agency that serves as its standing office: the police at that level.</summary>
    public Guid? StandingAgencyId { get; private set; }

    /// <summary>Every composition, oldest first.</summary>
    public IReadOnlyList<CommitteeComposition> Compositions => _compositions;

    public static SteeringCommittee Create(Guid id, CommitteeLevel level, string name, string areaName, Guid? standingAgencyId = null)
    {
        var violations = new ViolationCollector();
        violations.RequiredId("id", id);
        violations.Defined(CommitteeFields.Level, level);
        var checkedName = violations.RequiredLine(CommitteeFields.DisplayName, name, TextLimits.NameMaxLength);
        var checkedArea = violations.RequiredLine(CommitteeFields.AreaName, areaName, TextLimits.NameMaxLength);
        if (standingAgencyId == Guid.Empty)
        {
            violations.Add(CommitteeFields.StandingAgency, "is not a valid agency id");
        }

        violations.ThrowIfAny();
        return new SteeringCommittee { Id = id, Level = level, Name = checkedName!, AreaName = checkedArea!, StandingAgencyId = standingAgencyId };
    }

    /// <summary>Changes the committee's name, area or standing agency; the level and the compositions stay.</summary>
    public void Update(string name, string areaName, Guid? standingAgencyId)
    {
        var violations = new ViolationCollector();
        var checkedName = violations.RequiredLine(CommitteeFields.DisplayName, name, TextLimits.NameMaxLength);
        var checkedArea = violations.RequiredLine(CommitteeFields.AreaName, areaName, TextLimits.NameMaxLength);
        if (standingAgencyId == Guid.Empty)
        {
            violations.Add(CommitteeFields.StandingAgency, "is not a valid agency id");
        }

        violations.ThrowIfAny();
        Name = checkedName!;
        AreaName = checkedArea!;
        StandingAgencyId = standingAgencyId;
    }

    /// <summary>The composition in force on <paramref name="day"/>, if any.</summary>
    public CommitteeComposition? CompositionOn(DateOnly day) => _compositions.LastOrDefault(c => c.IsInForceOn(day));

    /// <summary>The composition in force today in Vietnam.</summary>
    public CommitteeComposition? CurrentComposition(DateTimeOffset now) => CompositionOn(VietnamTime.DateOf(now));

    /// <summary>Who sat on the committee on <paramref name="day"/>, in position order.</summary>
    public IReadOnlyList<CommitteeMember> MembersOn(DateOnly day) => CompositionOn(day)?.MembersOn(day) ?? [];

    /// <summary>
    /// The required positions (head, first deputy, standing deputy) nobody held on <paramref name="day"/>;
    /// all of them when no composition was in force.
    /// </summary>
    public IReadOnlyList<CommitteeVacancy> VacanciesOn(DateOnly day)
        => CompositionOn(day)?.VacanciesOn(day) ?? CommitteeComposition.NoComposition();

    /// <summary>
    /// Every stretch <paramref name="personName"/> served, oldest first, across compositions; the name
    /// is compared ignoring case and marks.
    /// </summary>
    public IReadOnlyList<MemberTenure> MemberHistory(string personName)
    {
        ArgumentNullException.ThrowIfNull(personName);
        return _compositions
            .SelectMany(c => c.Members.Where(m => m.IsSamePerson(personName)).Select(m => new MemberTenure(
                m.Id, m.PersonName, m.Title, m.AgencyId, m.Position, m.AppointedBy ?? c.Decision, m.StartDate, m.EndDate)))
            .OrderBy(t => t.StartDate)
            .ToArray();
    }

    /// <summary>
    /// Kiện toàn: sets a new composition by decision. It needs exactly one head, one first deputy and
    /// one standing deputy, each person once; it must start after the current one, which it closes
    /// the day before it takes effect.
    /// </summary>
    public CommitteeComposition Reconstitute(Guid compositionId, CompositionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var violations = new ViolationCollector();
        violations.RequiredId("id", compositionId);
        if (_compositions.Any(c => c.Id == compositionId))
        {
            violations.Add("id", "is already used by another composition of this committee");
        }

        var decision = CheckDecision(details.Decision, CommitteeFields.DecisionNumber, violations);
        if (details.DecisionDate is { } signed && signed > details.EffectiveDate)
        {
            violations.Add(CommitteeFields.DecisionDate, $"{signed:dd/MM/yyyy} is after the composition takes effect ({details.EffectiveDate:dd/MM/yyyy})");
        }

        var previous = _compositions.LastOrDefault();
        if (previous is not null && details.EffectiveDate <= previous.LatestStart)
        {
            violations.Add(CommitteeFields.EffectiveDate, $"must be after {previous.LatestStart:dd/MM/yyyy}, the latest start under the current composition {previous.Decision}");
        }

        var members = CheckMembers(details.Members, compositionId, details.EffectiveDate, violations);
        violations.ThrowIfAny();

        previous?.Close(details.EffectiveDate.AddDays(-1));
        var composition = CommitteeComposition.Create(compositionId, decision!, details.DecisionDate, details.EffectiveDate, members);
        _compositions.Add(composition);
        return composition;
    }

    /// <summary>
    /// Bổ sung thành viên: appoints a person to the composition in force on <paramref name="startDate"/>,
    /// e.g. a new standing deputy after the previous one left. Refused when no composition is in
    /// force then or a later one exists, and when a head, first deputy or standing deputy position
    /// is not free from that day on.
    /// </summary>
    public CommitteeMember Appoint(MemberDetails details, DateOnly startDate, string? decision = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var composition = CompositionOn(startDate)
            ?? throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"No composition of the committee is in force on {startDate:dd/MM/yyyy}.");
        if (composition != _compositions[^1])
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"The composition in force on {startDate:dd/MM/yyyy} has been replaced; appoint to the current one.");
        }

        var violations = new ViolationCollector();
        var appointedBy = decision is null ? null : CheckDecision(decision, CommitteeFields.DecisionNumber, violations);
        if (details.Id != Guid.Empty && FindMember(details.Id) is not null)
        {
            violations.Add("id", "is already used by another member of this committee");
        }

        var member = CommitteeMember.Create(details, composition.Id, startDate, composition.NextOrder(details.Position), appointedBy, violations);
        if (member is not null && composition.MembersOn(startDate).FirstOrDefault(m => m.IsSamePerson(member.PersonName)) is { } already)
        {
            violations.Add(CommitteeFields.PersonName, $"{already.PersonName} already serves as {already.Position} on {startDate:dd/MM/yyyy}");
        }

        violations.ThrowIfAny();

        if (CommitteeComposition.RequiredPositions.Contains(details.Position)
            && composition.Members.FirstOrDefault(m => m.Position == details.Position && (m.EndDate is null || m.EndDate >= startDate)) is { } holder)
        {
            throw new DomainRuleException(
                ErrorReasons.InvalidStateTransition,
                $"{holder.PersonName} holds {details.Position} from {holder.StartDate:dd/MM/yyyy}; end that membership before {startDate:dd/MM/yyyy} first.");
        }

        composition.Add(member!);
        return member!;
    }

    /// <summary>Thôi tham gia: a member leaves before the next reconstitution; <paramref name="lastDay"/> is the last day served.</summary>
    public void EndMembership(Guid memberId, DateOnly lastDay, string reason)
    {
        var member = FindMember(memberId)
            ?? throw new DomainRuleException(ErrorReasons.ResourceNotFound, $"The committee has no member {memberId}.");
        if (member.EndDate is { } ended)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"{member.PersonName}'s membership already ended on {ended:dd/MM/yyyy}.");
        }

        var violations = new ViolationCollector();
        if (lastDay < member.StartDate)
        {
            violations.Add(CommitteeFields.EndDate, $"{lastDay:dd/MM/yyyy} is before the member started on {member.StartDate:dd/MM/yyyy}");
        }

        var checkedReason = violations.RequiredLine(CommitteeFields.Reason, reason, TextLimits.NoteMaxLength);
        violations.ThrowIfAny();
        member.End(lastDay, checkedReason);
    }

    private CommitteeMember? FindMember(Guid memberId)
        => _compositions.SelectMany(c => c.Members).FirstOrDefault(m => m.Id == memberId);

    private static NumberAndSymbol? CheckDecision(string? decision, string field, ViolationCollector violations)
    {
        if (NumberAndSymbol.TryParse(decision, out var parsed, out var error))
        {
            return parsed;
        }

        violations.Add(field, error);
        return null;
    }

    private List<CommitteeMember> CheckMembers(IReadOnlyList<MemberDetails>? details, Guid compositionId, DateOnly startDate, ViolationCollector violations)
    {
        violations.AtMost(CommitteeFields.Members, details, ListLimits.CommitteeMembers);
        var members = new List<CommitteeMember>();
        var placeInPosition = new Dictionary<CommitteePosition, int>();
        var ids = new Dictionary<Guid, int>();
        var people = new List<(string Name, int Index)>();
        for (var i = 0; i < (details?.Count ?? 0); i++)
        {
            var item = violations.Item(CommitteeFields.Members, i);
            var position = details![i]?.Position ?? default;
            var order = CommitteeComposition.OrderOf(position, placeInPosition.GetValueOrDefault(position));
            var member = CommitteeMember.Create(details[i], compositionId, startDate, order, null, item);
            if (member is null)
            {
                continue;
            }

            if (FindMember(member.Id) is not null)
            {
                item.Add("id", "is already used by another member of this committee");
                continue;
            }

            if (!ids.TryAdd(member.Id, i))
            {
                item.Add("id", $"repeats members[{ids[member.Id]}]");
                continue;
            }

            if (people.FirstOrDefault(p => PersonNames.Same(p.Name, member.PersonName)) is { Name: not null } twin)
            {
                item.Add(CommitteeFields.PersonName, $"{member.PersonName} is already listed as members[{twin.Index}]");
                continue;
            }

            people.Add((member.PersonName, i));
            placeInPosition[position] = placeInPosition.GetValueOrDefault(position) + 1;
            members.Add(member);
        }

        // Counted over the list as given, so one member's typo does not also read as a missing seat.
        foreach (var required in CommitteeComposition.RequiredPositions)
        {
            var count = details?.Count(d => d?.Position == required) ?? 0;
            if (count != 1)
            {
                violations.Add(CommitteeFields.Members, $"needs exactly one {required}, found {count}", ErrorReasons.CommitteePositionCount);
            }
        }

        return members;
    }
}
