using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Resources;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ContractComposition = Directives.Contracts.V1.CommitteeComposition;
using ContractMember = Directives.Contracts.V1.CommitteeMember;
using DomainCommittee = Directives.Domain.Committees.SteeringCommittee;
using SteeringCommittee = Directives.Contracts.V1.SteeringCommittee;

namespace Directives.Server.Services.Committees;

/// <summary>
/// The mutations of CommitteeService. Each validates the whole request (every violation at once),
/// checks the etag, changes the committee through the domain, and saves the committee with one change
/// log entry per resource it created or changed (the committee, compositions, members) and, where the
/// method takes a request_id, the idempotency record, in one transaction; validate_only saves nothing.
/// </summary>
internal sealed class CommitteeWriter(ITenantContext tenant, IProvinceDbContextFactory databases, TimeProvider time)
{
    public async Task<SteeringCommittee> CreateAsync(CreateCommitteeRequest request, CancellationToken cancellationToken)
    {
        var idempotency = IdempotentCreate<SteeringCommittee>.For(request, request.RequestId, CommitteeMethods.CreateCommittee);
        var edge = new RequestViolations();
        var committeeId = request.CommitteeId.Length == 0 ? ResourceIds.New() : request.CommitteeId;
        if (!ResourceId.IsValid(committeeId))
        {
            edge.Add("committee_id", $"must be {ResourceId.Rule}");
        }

        if (request.Committee is null)
        {
            edge.Add("committee", "is required");
            InputViolations.ThrowIfAny(edge);
        }

        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        return await CreateAsync(db, request.Committee!, committeeId, edge, idempotency, request.ValidateOnly, CommitteeMethods.CreateCommittee, now, cancellationToken);
    }

    public async Task<SteeringCommittee> UpdateAsync(UpdateCommitteeRequest request, CancellationToken cancellationToken)
    {
        if (request.Committee is null)
        {
            throw ApiErrors.InvalidField("committee", "is required");
        }

        var name = CommitteeName.Parse(request.Committee.Name, "committee.name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!await db.Committees.WithResourceId(name.Committee).AnyAsync(cancellationToken))
        {
            if (!request.AllowMissing)
            {
                throw ApiErrors.NotFound(name.ToString());
            }

            var idempotency = IdempotentCreate<SteeringCommittee>.For(request, null, CommitteeMethods.UpdateCommittee);
            return await CreateAsync(db, request.Committee, name.Committee, new RequestViolations(), idempotency, request.ValidateOnly, CommitteeMethods.UpdateCommittee, now, cancellationToken);
        }

        var work = await CommitteeWorkspace.LoadAsync(db, name, now, forWriting: true, cancellationToken);
        ETags.EnsureCurrent(request.Committee.Etag, work.Stamp.Etag, work.Name);
        var before = work.Presenter.ToCommittee(work.Committee, work.Stamp);
        var merged = before.Clone();
        UpdateMaskPolicies.UpdateCommittee.Resolve(request.UpdateMask, request.Committee, before).ApplyTo(request.Committee, merged);

        var edge = new RequestViolations();
        var standingAgency = ResolveStandingAgency(merged.StandingAgency, work.Presenter.Agencies, work.Committee.StandingAgencyId, edge);
        InputViolations.Check(edge, () =>
        {
            work.Committee.Update(InputText.Nfc(merged.DisplayName), InputText.Nfc(merged.AreaName), standingAgency);
            return true;
        });
        return await SaveAsync(work, CommitteeMethods.UpdateCommittee, request.ValidateOnly, now, requestId: null, cancellationToken);
    }

    public async Task<ContractComposition> ReconstituteAsync(ReconstituteCommitteeRequest request, CancellationToken cancellationToken)
    {
        var idempotency = IdempotentCreate<ContractComposition>.For(request, request.RequestId, CommitteeMethods.ReconstituteCommittee);
        var name = CommitteeName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var work = await CommitteeWorkspace.LoadAsync(db, name, now, forWriting: true, cancellationToken);
        ETags.EnsureCurrent(request.Etag, work.Stamp.Etag, work.Name);

        var edge = new RequestViolations();
        if (request.Decision is null)
        {
            edge.Add(CommitteeFields.Decision, "is required");
        }

        var decisionDate = request.Decision?.IssueDate is { } signed ? DateMapping.FromContract(signed, CommitteeFields.DecisionDate, edge) : null;
        var effectiveDate = CommitteeInput.RequiredDate(request.EffectiveDate, CommitteeFields.EffectiveDate, edge);
        if (request.Members.Count == 0)
        {
            edge.Add(CommitteeFields.Members, "is required: every member of the new composition");
        }

        var members = request.Members
            .Select((m, i) => CommitteeInput.ToDetails(m, work.Presenter.Agencies, edge.Nested(FieldPaths.Item(CommitteeFields.Members, i))))
            .ToList();
        var decision = InputText.Nfc(request.Decision?.NumberAndSymbol);
        if (NumberAndSymbol.TryParse(decision, out var number)
            && work.Committee.Compositions.FirstOrDefault(c => c.Decision.Canonical == number.Canonical) is { } existing)
        {
            throw ApiErrors.AlreadyExists(work.Presenter.NameOf(name.Committee, existing));
        }

        // The domain reports an effective date not after the previous composition's latest start as a
        // violation; the contract makes it FAILED_PRECONDITION, once the request is otherwise valid.
        var previous = work.Committee.Compositions.Count == 0 ? null : work.Committee.Compositions[^1];
        var latestStart = previous?.Members.Select(m => m.StartDate).Append(previous.EffectiveDate).Max();
        var tooEarly = effectiveDate is { } starts && latestStart is { } latest && starts <= latest;
        var before = CommitteeParts.Of(work);
        Domain.Committees.CommitteeComposition composition;
        try
        {
            composition = InputViolations.Check(edge, () => work.Committee.Reconstitute(Guid.NewGuid(), new CompositionDetails
            {
                Decision = decision,
                DecisionDate = decisionDate,
                EffectiveDate = effectiveDate ?? DateOnly.MinValue,
                Members = members,
            }));
        }
        catch (DomainValidationException exception) when (tooEarly)
        {
            var others = exception.Violations.Where(v => v.Field != CommitteeFields.EffectiveDate).ToList();
            throw others.Count > 0
                ? new DomainValidationException(others)
                : ApiErrors.InvalidStateTransition(
                    work.Name,
                    "",
                    $"effective_date must be after {latestStart:dd/MM/yyyy}, the latest start under the current composition {previous!.Decision}.");
        }

        var response = work.Presenter.ToComposition(work.Committee, work.Stamp, composition, composition.EffectiveDate);
        if (request.ValidateOnly)
        {
            return response;
        }

        response = await SavePartsAsync(work, before, CommitteeMethods.ReconstituteCommittee, now, idempotency.RequestId, () =>
            work.Presenter.ToComposition(work.Committee, work.Stamp, composition, composition.EffectiveDate), idempotency, cancellationToken);
        return response;
    }

    public async Task<ContractMember> AppointAsync(AppointCommitteeMemberRequest request, CancellationToken cancellationToken)
    {
        var idempotency = IdempotentCreate<ContractMember>.For(request, request.RequestId, CommitteeMethods.AppointCommitteeMember);
        var name = CommitteeName.Parse(request.Parent, "parent");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var work = await CommitteeWorkspace.LoadAsync(db, name, now, forWriting: true, cancellationToken);
        ETags.EnsureCurrent(request.Etag, work.Stamp.Etag, work.Name);

        var edge = new RequestViolations();
        if (request.Member is null)
        {
            edge.Add("member", "is required");
        }

        var details = request.Member is null ? null : CommitteeInput.ToDetails(request.Member, work.Presenter.Agencies, edge.Nested("member"));
        var startDate = CommitteeInput.RequiredDate(request.StartDate, CommitteeFields.StartDate, edge);
        var decision = request.Decision is null ? null : InputText.Nfc(request.Decision.NumberAndSymbol);
        InputViolations.ThrowIfAny(edge);

        var start = startDate!.Value;
        if (details!.Position is CommitteePosition.Head or CommitteePosition.FirstDeputy or CommitteePosition.StandingDeputy
            && work.Committee.CompositionOn(start) is { } inForce
            && inForce == work.Committee.Compositions[^1]
            && inForce.Members.FirstOrDefault(m => m.Position == details.Position && (m.EndDate is null || m.EndDate >= start)) is { } holder)
        {
            throw ApiErrors.PositionOccupied(
                CommitteeEnums.ToContract(details.Position).ToString(), work.Presenter.NameOf(name.Committee, holder));
        }

        var before = CommitteeParts.Of(work);
        var member = work.Committee.Appoint(details, start, decision);
        var composition = work.Committee.Compositions.First(c => c.Id == member.CompositionId);
        if (request.ValidateOnly)
        {
            return work.Presenter.ToMember(work.Stamp, composition, member);
        }

        return await SavePartsAsync(work, before, CommitteeMethods.AppointCommitteeMember, now, idempotency.RequestId, () =>
            work.Presenter.ToMember(work.Stamp, composition, member), idempotency, cancellationToken);
    }

    public async Task<ContractMember> EndMembershipAsync(EndCommitteeMembershipRequest request, CancellationToken cancellationToken)
    {
        var name = MemberName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        var work = await CommitteeWorkspace.LoadAsync(db, name.Parent, now, forWriting: true, cancellationToken);
        var (composition, member) = work.FindMember(name);
        ETags.EnsureCurrent(request.Etag, work.Presenter.ToMember(work.Stamp, composition, member).Etag, request.Name);

        var edge = new RequestViolations();
        var lastDay = request.EndDate is { } end ? DateMapping.FromContract(end, CommitteeFields.EndDate, edge) : work.Presenter.Today;
        InputViolations.ThrowIfAny(edge);

        var before = CommitteeParts.Of(work);
        work.Committee.EndMembership(member.Id, lastDay!.Value, InputText.Nfc(request.Reason));
        if (request.ValidateOnly)
        {
            return work.Presenter.ToMember(work.Stamp, composition, member);
        }

        return await SavePartsAsync(work, before, CommitteeMethods.EndCommitteeMembership, now, requestId: null, () =>
            work.Presenter.ToMember(work.Stamp, composition, member), idempotency: null, cancellationToken);
    }

    private async Task<SteeringCommittee> CreateAsync(
        ProvinceDbContext db,
        SteeringCommittee requested,
        string committeeId,
        RequestViolations edge,
        IdempotentCreate<SteeringCommittee> idempotency,
        bool validateOnly,
        string method,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var presenter = await CommitteeWorkspace.PresenterForAsync(db, [], now, cancellationToken);
        var level = CommitteeEnums.ToDomain(requested.Level, CommitteeFields.Level, edge);
        var standingAgency = ResolveStandingAgency(requested.StandingAgency, presenter.Agencies, previous: null, edge);
        var committee = InputViolations.Check(edge, () => DomainCommittee.Create(
            Guid.NewGuid(), level ?? default, InputText.Nfc(requested.DisplayName), InputText.Nfc(requested.AreaName), standingAgency));

        var name = presenter.NameOf(committeeId);
        if (await db.Committees.WithResourceId(committeeId).AnyAsync(cancellationToken))
        {
            throw ApiErrors.AlreadyExists(name);
        }

        if (validateOnly)
        {
            return presenter.ToCommittee(committee, new ResourceStamp(committeeId, null, "", now, now, null, null));
        }

        var stamp = db.AddResource(committee, committeeId, now);
        var created = presenter.ToCommittee(committee, stamp);
        db.RecordChange(tenant, method, ChangeKind.Created, name, CommitteeResourceTypes.Committee, null, created, stamp.Etag, idempotency.RequestId);
        idempotency.Remember(db, name, created, now);
        return await SaveOrAnswerRetryAsync(db, idempotency, created, now, cancellationToken);
    }

    // Required: the committee's standing agency, an active agency of the province; one it already had may
    // since have merged (history stays as it was).
    private static Guid? ResolveStandingAgency(string agency, AgencyDirectory agencies, Guid? previous, RequestViolations edge)
        => agencies.Resolve(agency, CommitteeFields.StandingAgency, edge, previous is { } kept ? new HashSet<Guid> { kept } : null);

    private async Task<SteeringCommittee> SaveAsync(
        CommitteeWorkspace work, string method, bool validateOnly, DateTimeOffset now, string? requestId, CancellationToken cancellationToken)
    {
        if (validateOnly)
        {
            return work.Presenter.ToCommittee(work.Committee, work.Stamp);
        }

        var before = await ReadStoredCommitteeAsync(work, cancellationToken);
        work.Entry.Touch(now);
        var after = work.Presenter.ToCommittee(work.Committee, work.Stamp);
        work.Db.RecordChange(tenant, method, ChangeKind.Updated, work.Name, CommitteeResourceTypes.Committee, before, after, work.Stamp.Etag, requestId);
        await work.Db.SaveChangesAsync(cancellationToken);
        return after;
    }

    // The committee as stored, before the domain changed the tracked instance: its own row, read apart.
    private async Task<SteeringCommittee> ReadStoredCommitteeAsync(CommitteeWorkspace work, CancellationToken cancellationToken)
    {
        var stored = await work.Db.Committees.WithResourceId(work.Stamp.ResourceId).Stamped().FirstAsync(cancellationToken);
        return work.Presenter.ToCommittee(stored.Resource, stored.Stamp);
    }

    private async Task<TResponse> SavePartsAsync<TResponse>(
        CommitteeWorkspace work,
        CommitteeParts before,
        string method,
        DateTimeOffset now,
        string? requestId,
        Func<TResponse> respond,
        IdempotentCreate<TResponse>? idempotency,
        CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        var actor = ActorMapping.ToChangeActor(tenant.Caller);
        var changed = before.ChangedIn(CommitteeParts.Of(work));
        foreach (var part in changed)
        {
            work.Presenter.Touch(part, now, actor);
        }

        var committeeBefore = await ReadStoredCommitteeAsync(work, cancellationToken);
        work.Entry.Touch(now);
        var committeeAfter = work.Presenter.ToCommittee(work.Committee, work.Stamp);
        work.Db.RecordChange(tenant, method, ChangeKind.Updated, work.Name, CommitteeResourceTypes.Committee, committeeBefore, committeeAfter, work.Stamp.Etag, requestId);
        before.Record(work.Db, tenant, method, CommitteeParts.Of(work), changed, requestId);

        var response = respond();
        if (idempotency is null)
        {
            await work.Db.SaveChangesAsync(cancellationToken);
            return response;
        }

        idempotency.Remember(work.Db, work.Name, response, now);
        return await SaveOrAnswerRetryAsync(work.Db, idempotency, response, now, cancellationToken);
    }

    private async Task<TResponse> SaveOrAnswerRetryAsync<TResponse>(
        ProvinceDbContext db, IdempotentCreate<TResponse> idempotency, TResponse response, DateTimeOffset now, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException exception) when (exception.Key == UniqueKey.RequestId)
        {
            // A concurrent first call with the same request_id committed first: answer as its retry.
            await using var again = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
            if (await idempotency.FindFirstResultAsync(again, now, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return response;
    }
}
