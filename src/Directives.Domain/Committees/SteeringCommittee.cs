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

    /// <summary>Every composition, oldest first.</summary>
    public IReadOnlyList<CommitteeComposition> Compositions => _compositions;

    public static SteeringCommittee Create(Guid id, CommitteeLevel level, string name)
    {
        var violations = new ViolationCollector();
        violations.RequiredId("id", id);
        violations.Defined(CommitteeFields.Level, level);
        var checkedName = violations.RequiredLine(CommitteeFields.Name, name, TextLimits.NameMaxLength);
        violations.ThrowIfAny();
        return new SteeringCommittee { Id = id, Level = level, Name = checkedName! };
    }

    /// <summary>The composition in effect on <paramref name="day"/>, if any.</summary>
    public CommitteeComposition? CompositionOn(DateOnly day) => _compositions.LastOrDefault(c => c.IsInEffectOn(day));

    /// <summary>The composition in effect today in Vietnam.</summary>
    public CommitteeComposition? CurrentComposition(DateTimeOffset now) => CompositionOn(VietnamTime.DateOf(now));

    /// <summary>Who sat on the committee on <paramref name="day"/>, in position order.</summary>
    public IReadOnlyList<CommitteeMember> MembersOn(DateOnly day) => CompositionOn(day)?.MembersOn(day) ?? [];

    /// <summary>
    /// The required positions (head, first deputy, standing deputy) nobody held on <paramref name="day"/>;
    /// all of them when no composition was in effect.
    /// </summary>
    public IReadOnlyList<CommitteePosition> VacanciesOn(DateOnly day)
        => CompositionOn(day)?.VacanciesOn(day) ?? CommitteeComposition.RequiredPositions;

    /// <summary>Every stretch <paramref name="personName"/> served, oldest first, across compositions.</summary>
    public IReadOnlyList<MemberTenure> MemberHistory(string personName)
    {
        ArgumentNullException.ThrowIfNull(personName);
        var name = personName.Trim();
        return _compositions
            .SelectMany(c => c.Members.Where(m => m.IsSamePerson(name)).Select(m => new MemberTenure(
                m.Id, m.PersonName, m.PersonTitle, m.AgencyId, m.Position, m.AppointedBy ?? c.Decision, m.From, m.To)))
            .OrderBy(t => t.From)
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

        var decision = CheckDecision(details.Decision, violations);
        if (details.DecisionDate is { } signed && signed > details.EffectiveFrom)
        {
            violations.Add(CommitteeFields.DecisionDate, $"{signed:dd/MM/yyyy} is after the composition takes effect ({details.EffectiveFrom:dd/MM/yyyy})");
        }

        var previous = _compositions.LastOrDefault();
        if (previous is not null && details.EffectiveFrom <= previous.LatestStart)
        {
            violations.Add(CommitteeFields.EffectiveFrom, $"must be after {previous.LatestStart:dd/MM/yyyy}, the latest start under the current composition {previous.Decision}");
        }

        var members = CheckMembers(details.Members, details.EffectiveFrom, violations);
        violations.ThrowIfAny();

        previous?.Close(details.EffectiveFrom.AddDays(-1));
        var composition = CommitteeComposition.Create(compositionId, decision!, details.DecisionDate, details.EffectiveFrom, members);
        _compositions.Add(composition);
        return composition;
    }

    /// <summary>
    /// Appoints a person to a composition from <paramref name="from"/> (bổ sung thành viên), e.g. a new
    /// standing deputy after the previous one left. A head, first deputy or standing deputy position
    /// must be free from that day on.
    /// </summary>
    public CommitteeMember Appoint(Guid compositionId, MemberDetails details, DateOnly from, string? decision = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var composition = FindComposition(compositionId);
        var violations = new ViolationCollector();
        var appointedBy = decision is null ? null : CheckDecision(decision, violations);
        if (!composition.IsInEffectOn(from))
        {
            violations.Add(CommitteeFields.EffectiveFrom, $"{from:dd/MM/yyyy} is outside the composition's effect");
        }

        if (details.Id != Guid.Empty && FindMember(details.Id) is not null)
        {
            violations.Add("id", "is already used by another member of this committee");
        }

        var member = CommitteeMember.Create(details, from, composition.NextOrder(details.Position), appointedBy, violations);
        if (member is not null && composition.MembersOn(from).FirstOrDefault(m => m.IsSamePerson(member.PersonName)) is { } already)
        {
            violations.Add(CommitteeFields.PersonName, $"{already.PersonName} already serves as {already.Position} on {from:dd/MM/yyyy}");
        }

        violations.ThrowIfAny();

        if (CommitteeComposition.RequiredPositions.Contains(details.Position)
            && composition.Members.FirstOrDefault(m => m.Position == details.Position && (m.To is null || m.To >= from)) is { } holder)
        {
            throw new DomainRuleException(
                RuleReasons.PositionOccupied,
                $"{holder.PersonName} holds {details.Position} from {holder.From:dd/MM/yyyy}; end that membership before {from:dd/MM/yyyy} first.");
        }

        if (composition.EffectiveTo is { } lastDay)
        {
            member!.End(lastDay);
        }

        composition.Add(member!);
        return member!;
    }

    /// <summary>A member leaves the committee (thôi tham gia); <paramref name="lastDay"/> is the last day served.</summary>
    public void EndMembership(Guid memberId, DateOnly lastDay)
    {
        var member = FindMember(memberId)
            ?? throw new DomainRuleException(RuleReasons.NotFound, $"The committee has no member {memberId}.");
        if (member.To is { } to)
        {
            throw new DomainRuleException(RuleReasons.MembershipEnded, $"{member.PersonName}'s membership already ended on {to:dd/MM/yyyy}.");
        }

        if (lastDay < member.From)
        {
            throw new DomainValidationException(CommitteeFields.LastDay, $"{lastDay:dd/MM/yyyy} is before the member started on {member.From:dd/MM/yyyy}");
        }

        member.End(lastDay);
    }

    private CommitteeComposition FindComposition(Guid compositionId)
        => _compositions.FirstOrDefault(c => c.Id == compositionId)
            ?? throw new DomainRuleException(RuleReasons.NotFound, $"The committee has no composition {compositionId}.");

    private CommitteeMember? FindMember(Guid memberId)
        => _compositions.SelectMany(c => c.Members).FirstOrDefault(m => m.Id == memberId);

    private static NumberAndSymbol? CheckDecision(string? decision, ViolationCollector violations)
    {
        if (NumberAndSymbol.TryParse(decision, out var parsed, out var error))
        {
            return parsed;
        }

        violations.Add(CommitteeFields.Decision, error);
        return null;
    }

    private List<CommitteeMember> CheckMembers(IReadOnlyList<MemberDetails>? details, DateOnly from, ViolationCollector violations)
    {
        var members = new List<CommitteeMember>();
        var perPosition = new Dictionary<CommitteePosition, int>();
        var ids = new Dictionary<Guid, int>();
        for (var i = 0; i < (details?.Count ?? 0); i++)
        {
            var item = violations.Item(CommitteeFields.Members, i);
            var position = details![i]?.Position ?? default;
            var order = ((int)position * 10_000) + perPosition.GetValueOrDefault(position);
            var member = CommitteeMember.Create(details[i], from, order, null, item);
            if (member is null)
            {
                continue;
            }

            if (!ids.TryAdd(member.Id, i) || FindMember(member.Id) is not null)
            {
                item.Add("id", ids[member.Id] == i ? "is already used by another member of this committee" : $"repeats members[{ids[member.Id]}]");
                continue;
            }

            var twin = members.FindIndex(m => m.IsSamePerson(member.PersonName));
            if (twin >= 0)
            {
                item.Add("person_name", $"{member.PersonName} is already listed as members[{ids[members[twin].Id]}]");
                continue;
            }

            perPosition[position] = perPosition.GetValueOrDefault(position) + 1;
            members.Add(member);
        }

        // Counted over the list as given, so one member's typo does not also read as a vacancy.
        foreach (var required in CommitteeComposition.RequiredPositions)
        {
            var count = details?.Count(d => d?.Position == required) ?? 0;
            if (count != 1)
            {
                violations.Add(CommitteeFields.Members, $"needs exactly one {required}, found {count}");
            }
        }

        return members;
    }
}
