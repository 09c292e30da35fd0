using System.Globalization;
using Directives.Domain.Committees;

namespace Directives.Server.DemoData;

/// <summary>
/// One demo steering committee and its history: compositions set by numbered decisions, and members
/// who left or were appointed between them, each applied when its date has come.
/// </summary>
internal sealed class CommitteeBuilder
{
    private readonly DemoDataBuilder _data;
    private readonly string _id;
    private readonly string _name;
    private readonly CommitteeLevel _level;
    private readonly string _displayName;
    private readonly string _areaName;
    private readonly string _standingAgency;
    private readonly List<(DateOnly On, Action<SteeringCommittee> Apply)> _events = [];

    internal CommitteeBuilder(DemoDataBuilder data, string id, CommitteeLevel level, string displayName, string areaName, string standingAgency)
    {
        _data = data;
        _id = id;
        _name = data.ResourceName($"committees/{id}");
        _level = level;
        _displayName = displayName;
        _areaName = areaName;
        _standingAgency = standingAgency;
    }

    /// <summary>Kiện toàn: a decision sets the whole composition from <paramref name="effectiveDate"/>.</summary>
    public CommitteeBuilder Reconstitute(string decision, DateOnly decisionDate, DateOnly effectiveDate, IReadOnlyList<DemoMember> members)
    {
        void Apply(SteeringCommittee committee)
        {
            var compositionName = $"{_name}/compositions/{DemoIds.Slug(decision)}";
            var compositionId = _data.Register(compositionName);
            var details = new CompositionDetails
            {
                Decision = decision,
                DecisionDate = decisionDate,
                EffectiveDate = effectiveDate,
                Members = members.Select((m, i) => Member(m, $"{DemoIds.Slug(decision)}-{(i + 1).ToString("D2", CultureInfo.InvariantCulture)}")).ToArray(),
            };
            committee.Reconstitute(compositionId, details);
        }

        _events.Add((effectiveDate, Apply));
        return this;
    }

    /// <summary>Thôi tham gia: the person leaves the current composition after <paramref name="lastDay"/>.</summary>
    public CommitteeBuilder EndMembership(string personName, DateOnly lastDay, string reason)
    {
        void Apply(SteeringCommittee committee)
        {
            var member = committee.Compositions[^1].Members.Single(m => m.PersonName == personName && m.EndDate is null);
            committee.EndMembership(member.Id, lastDay, reason);
        }

        _events.Add((lastDay, Apply));
        return this;
    }

    /// <summary>Bổ sung: a decision appoints <paramref name="member"/> to the current composition from <paramref name="startDate"/>.</summary>
    public CommitteeBuilder Appoint(DemoMember member, DateOnly startDate, string decision)
    {
        _events.Add((startDate, committee => committee.Appoint(Member(member, $"{DemoIds.Slug(decision)}-01"), startDate, decision)));
        return this;
    }

    internal DemoResource<SteeringCommittee> Build()
    {
        var committee = SteeringCommittee.Create(_data.Register(_name), _level, _displayName, _areaName, _data.Agencies.IdOf(_standingAgency));
        foreach (var (on, apply) in _events.OrderBy(e => e.On))
        {
            if (_data.Timeline.HasHappened(on))
            {
                apply(committee);
            }
        }

        return new DemoResource<SteeringCommittee>(_id, _name, committee);
    }

    private MemberDetails Member(DemoMember member, string memberId) => new()
    {
        Id = _data.Register($"{_name}/members/{memberId}"),
        PersonName = member.PersonName,
        Title = member.Title,
        AgencyId = _data.Agencies.IdOf(member.Agency),
        Position = member.Position,
        ResponsibilityAreas = member.Areas,
    };
}
