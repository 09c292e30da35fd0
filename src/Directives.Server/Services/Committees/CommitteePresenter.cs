using Directives.Data.Changes;
using Directives.Data.Resources;
using Directives.Domain.Committees;
using Directives.Server.Api;
using Directives.Server.Services.Tasks;
using Google.Protobuf.WellKnownTypes;
using ContractCommittee = Directives.Contracts.V1.SteeringCommittee;
using ContractComposition = Directives.Contracts.V1.CommitteeComposition;
using ContractMember = Directives.Contracts.V1.CommitteeMember;
using ContractVacancy = Directives.Contracts.V1.Vacancy;
using DocumentReference = Directives.Contracts.V1.DocumentReference;

namespace Directives.Server.Services.Committees;

/// <summary>
/// Shows a committee, its compositions, members and vacancies as the API does. Compositions and members
/// live inside the committee's row and have no columns of their own: their resource ids come from their
/// Guids, their timestamps and creator from their change log entries (<see cref="ChangeSpan"/>), and a
/// member's etag from its content, which only its end changes.
/// </summary>
internal sealed class CommitteePresenter
{
    private readonly string _provinceId;
    private readonly AgencyDirectory _agencies;
    private readonly Dictionary<string, ChangeSpan> _spans;

    public CommitteePresenter(string provinceId, AgencyDirectory agencies, IReadOnlyDictionary<string, ChangeSpan> spans, DateOnly today)
    {
        _provinceId = provinceId;
        _agencies = agencies;
        _spans = new Dictionary<string, ChangeSpan>(spans, StringComparer.Ordinal);
        Today = today;
    }

    /// <summary>Today in the province: the day member and vacancy counts describe.</summary>
    public DateOnly Today { get; }

    public AgencyDirectory Agencies => _agencies;

    public string NameOf(string committeeId) => CommitteeName.Pattern.Format(_provinceId, committeeId);

    public string NameOf(string committeeId, CommitteeComposition composition)
        => CompositionName.Pattern.Format(_provinceId, committeeId, ResourceIds.FromGuid(composition.Id));

    public string NameOf(string committeeId, CommitteeMember member)
        => MemberName.Pattern.Format(_provinceId, committeeId, ResourceIds.FromGuid(member.Id));

    /// <summary>
    /// Records that a write now changes (or creates) <paramref name="resourceName"/>, so that what the
    /// write returns and records carries the times its change log entry will have.
    /// </summary>
    public void Touch(string resourceName, DateTimeOffset now, ChangeActor actor)
        => _spans[resourceName] = _spans.TryGetValue(resourceName, out var span)
            ? span with { UpdateTime = now }
            : new ChangeSpan(resourceName, now, actor, now);

    public ContractCommittee ToCommittee(SteeringCommittee committee, ResourceStamp stamp)
    {
        var current = committee.CompositionOn(Today);
        return new ContractCommittee
        {
            Name = NameOf(stamp.ResourceId),
            DisplayName = committee.Name,
            Level = CommitteeEnums.ToContract(committee.Level),
            AreaName = committee.AreaName,
            StandingAgency = committee.StandingAgencyId is { } agency ? _agencies.NameOf(agency) : "",
            CurrentComposition = current is null ? "" : NameOf(stamp.ResourceId, current),
            MemberCount = committee.MembersOn(Today).Count,
            VacancyCount = committee.VacanciesOn(Today).Count,
            Etag = stamp.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(stamp.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(stamp.UpdateTime),
        };
    }

    /// <summary>A composition; with <paramref name="asOf"/>, also its members in office and its vacancies on that day.</summary>
    public ContractComposition ToComposition(SteeringCommittee committee, ResourceStamp stamp, CommitteeComposition composition, DateOnly? asOf)
    {
        var name = NameOf(stamp.ResourceId, composition);
        var span = SpanOf(name, stamp);
        var resource = new ContractComposition
        {
            Name = name,
            Decision = new DocumentReference
            {
                NumberAndSymbol = composition.Decision.Text,
                IssueDate = composition.DecisionDate is { } signed ? DateMapping.ToContract(signed) : null,
            },
            EffectiveDate = DateMapping.ToContract(composition.EffectiveDate),
            EndDate = composition.EndDate is { } end ? DateMapping.ToContract(end) : null,
            Creator = ActorMapping.ToContract(span.Creator),
            CreateTime = Timestamp.FromDateTimeOffset(span.CreateTime),
        };
        if (asOf is { } day)
        {
            resource.AsOfDate = DateMapping.ToContract(day);
            resource.Members.AddRange(composition.MembersOn(day).Select(m => ToMember(stamp, composition, m)));
            resource.Vacancies.AddRange(composition.VacanciesOn(day).Select(v => ToVacancy(committee, stamp, v)));
        }

        return resource;
    }

    public ContractMember ToMember(ResourceStamp committeeStamp, CommitteeComposition composition, CommitteeMember member)
    {
        var name = NameOf(committeeStamp.ResourceId, member);
        var resource = new ContractMember
        {
            Name = name,
            PersonName = member.PersonName,
            Title = member.Title,
            Agency = _agencies.NameOf(member.AgencyId),
            Position = CommitteeEnums.ToContract(member.Position),
            StartDate = DateMapping.ToContract(member.StartDate),
            EndDate = member.EndDate is { } end ? DateMapping.ToContract(end) : null,
            EndReason = member.EndReason ?? "",
            Decision = member.AppointedBy is { } appointedBy
                ? new DocumentReference { NumberAndSymbol = appointedBy.Text }
                : new DocumentReference
                {
                    NumberAndSymbol = composition.Decision.Text,
                    IssueDate = composition.DecisionDate is { } signed ? DateMapping.ToContract(signed) : null,
                },
            Composition = NameOf(committeeStamp.ResourceId, composition),
        };
        resource.ResponsibilityAreas.AddRange(member.ResponsibilityAreas);

        // The etag is of the content alone, before the times are set: reading a member again gives the
        // same etag whichever replica's clock stamped its change log entry.
        resource.Etag = ETags.FromContent(resource);
        var span = _spans.GetValueOrDefault(name) ?? SpanOf(resource.Composition, committeeStamp);
        resource.CreateTime = Timestamp.FromDateTimeOffset(span.CreateTime);
        resource.UpdateTime = Timestamp.FromDateTimeOffset(span.UpdateTime);
        return resource;
    }

    public ContractVacancy ToVacancy(SteeringCommittee committee, ResourceStamp stamp, CommitteeVacancy vacancy)
    {
        var previous = vacancy.PreviousMemberId is { } id
            ? committee.Compositions.SelectMany(c => c.Members).FirstOrDefault(m => m.Id == id)
            : null;
        return new ContractVacancy
        {
            Committee = NameOf(stamp.ResourceId),
            Position = CommitteeEnums.ToContract(vacancy.Position),
            StartDate = vacancy.StartDate is { } start ? DateMapping.ToContract(start) : null,
            Reason = CommitteeEnums.ToContract(vacancy.Reason),
            PreviousMember = previous is null ? "" : NameOf(stamp.ResourceId, previous),
        };
    }

    // Resources written before their change log entries existed (the demo seeding records committees
    // only) take their committee's times.
    private ChangeSpan SpanOf(string name, ResourceStamp committeeStamp)
        => _spans.GetValueOrDefault(name)
            ?? new ChangeSpan(name, committeeStamp.CreateTime, new ChangeActor("", null, null, []), committeeStamp.UpdateTime);
}
