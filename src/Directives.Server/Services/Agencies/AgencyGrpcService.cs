using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Errors;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using AgencyFields = Directives.Domain.Agencies.AgencyFields;
using AgencyKind = Directives.Domain.Agencies.AgencyKind;
using AgencyName = Directives.Server.Api.AgencyName;
using DomainAgency = Directives.Domain.Agencies.Agency;

namespace Directives.Server.Services.Agencies;

/// <summary>
/// AgencyService over the province's catalogue. Names change only by RenameAgency and agencies end only
/// by MergeAgencies, so the catalogue keeps its history; each mutation is recorded with the agency
/// before and after. The province is the resolved tenant's.
/// </summary>
internal sealed class AgencyGrpcService(
    ITenantContext tenant,
    IProvinceDbContextFactory databases,
    TimeProvider time,
    AgencyListing listing,
    AgencyWriter writer,
    AgencyMerger merger,
    HistoryPages history) : AgencyService.AgencyServiceBase
{
    public override async Task<Agency> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var name = AgencyName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var stamped = await db.Agencies.WithResourceId(name.Agency).Stamped().FirstOrDefaultAsync(context.CancellationToken)
            ?? throw ApiErrors.NotFound(request.Name);
        return writer.Present(stamped.Resource, stamped.Stamp, await AgencyDirectory.LoadAsync(db, context.CancellationToken));
    }

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context)
        => listing.ListAsync(request, tenant.ProvinceId, context.CancellationToken);

    public override async Task<Agency> CreateAgency(CreateAgencyRequest request, ServerCallContext context)
    {
        var idempotency = IdempotentCreate<Agency>.For(request, request.RequestId, AgencyMethods.CreateAgency);
        var edge = new RequestViolations();
        var agencyId = request.AgencyId.Length == 0 ? ResourceIds.New() : request.AgencyId;
        if (!ResourceId.IsValid(agencyId))
        {
            edge.Add("agency_id", $"must be {ResourceId.Rule}");
        }

        if (request.Agency is null)
        {
            edge.Add("agency", "is required");
            InputViolations.ThrowIfAny(edge);
        }

        var resource = request.Agency!;
        var fields = edge.Nested("agency");
        var kind = AgencyMapping.ToKind(resource.Kind, fields);
        var startDate = resource.StartDate is { } start ? DateMapping.FromContract(start, "start_date", fields) : null;
        var agency = InputViolations.Check(edge, () => DomainAgency.Create(Guid.NewGuid(), kind ?? AgencyKind.Other, resource.DisplayName, startDate));

        var cancellationToken = context.CancellationToken;
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var name = AgencyMapping.NameOf(tenant.ProvinceId, agencyId);
        if (await db.Agencies.WithResourceId(agencyId).AnyAsync(cancellationToken))
        {
            throw ApiErrors.AlreadyExists(name);
        }

        if (request.ValidateOnly)
        {
            return AgencyMapping.ToResource(agency, new ResourceStamp(agencyId, null, "", now, now, null, null), tenant.ProvinceId, "");
        }

        var stamp = db.AddResource(agency, agencyId, now);
        var created = AgencyMapping.ToResource(agency, stamp, tenant.ProvinceId, "");
        db.RecordChange(tenant, AgencyMethods.CreateAgency, ChangeKind.Created, name, AgencyMapping.ResourceType, null, created, stamp.Etag, idempotency.RequestId);
        idempotency.Remember(db, name, created, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException exception) when (exception.Key == UniqueKey.RequestId)
        {
            await using var again = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
            if (await idempotency.FindFirstResultAsync(again, now, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return created;
    }

    public override async Task<Agency> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context)
    {
        if (request.Agency is null)
        {
            throw ApiErrors.InvalidField("agency", "is required");
        }

        if (request.AllowMissing)
        {
            throw ApiErrors.InvalidField("allow_missing", "creating an agency by Update is not supported; use CreateAgency");
        }

        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var loaded = await writer.LoadAsync(db, request.Agency.Name, request.Agency.Etag, context.CancellationToken, field: "agency.name");
        var mask = UpdateMaskPolicies.UpdateAgency.Resolve(request.UpdateMask, request.Agency, loaded.Before);
        var merged = loaded.Before.Clone();
        mask.ApplyTo(request.Agency, merged);
        var edge = new RequestViolations();
        var kind = AgencyMapping.ToKind(merged.Kind, edge.Nested("agency"));
        InputViolations.Check(edge, () =>
        {
            loaded.Agency.Reclassify(kind ?? loaded.Agency.Kind);
            return true;
        });
        return await writer.SaveAsync(db, loaded, AgencyMethods.UpdateAgency, ChangeKind.Updated, request.ValidateOnly, context.CancellationToken);
    }

    public override async Task<Agency> DeleteAgency(DeleteAgencyRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var loaded = await writer.LoadAsync(db, request.Name, request.Etag, cancellationToken);
        var id = loaded.Agency.Id;
        var dependents = new List<string>();
        if (await db.Tasks.NotDeleted().Where(db.TaskFilters.Involving(id)).AnyAsync(cancellationToken))
        {
            dependents.Add("tasks");
        }

        if (await db.Directives.NotDeleted().AnyAsync(d => d.MonitoringAgencyId == id, cancellationToken))
        {
            dependents.Add("directives");
        }

        if (await db.Committees.AnyAsync(c => c.StandingAgencyId == id, cancellationToken))
        {
            dependents.Add("steering committees");
        }

        if (dependents.Count > 0)
        {
            throw ApiErrors.HasDependents(request.Name, $"Undeleted {string.Join(", ", dependents)} name the agency; merge it into another agency instead.");
        }

        if (!request.ValidateOnly)
        {
            loaded.Entry.SoftDelete(time.GetUtcNow());
        }

        return await writer.SaveAsync(db, loaded, AgencyMethods.DeleteAgency, ChangeKind.Deleted, request.ValidateOnly, cancellationToken, touched: true);
    }

    public override async Task<Agency> UndeleteAgency(UndeleteAgencyRequest request, ServerCallContext context)
    {
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        var loaded = await writer.LoadAsync(db, request.Name, request.Etag, context.CancellationToken, allowDeleted: true);
        if (!loaded.Entry.IsDeleted)
        {
            throw ApiErrors.InvalidStateTransition(request.Name, "", "The agency is not deleted.");
        }

        if (!request.ValidateOnly)
        {
            loaded.Entry.Undelete(time.GetUtcNow());
        }

        return await writer.SaveAsync(db, loaded, AgencyMethods.UndeleteAgency, ChangeKind.Updated, request.ValidateOnly, context.CancellationToken, touched: true);
    }

    public override async Task<Agency> RenameAgency(RenameAgencyRequest request, ServerCallContext context)
    {
        var idempotency = IdempotentCreate<Agency>.For(request, request.RequestId, AgencyMethods.RenameAgency);
        var cancellationToken = context.CancellationToken;
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var loaded = await writer.LoadAsync(db, request.Name, request.Etag, cancellationToken);
        var edge = new RequestViolations();
        var effective = request.EffectiveDate is { } date
            ? DateMapping.FromContract(date, AgencyFields.EffectiveDate, edge)
            : ProvinceToday(now);
        InputViolations.Check(edge, () =>
        {
            loaded.Agency.Rename(request.DisplayName, effective ?? ProvinceToday(now));
            return true;
        });
        return await writer.SaveAsync(
            db,
            loaded,
            AgencyMethods.RenameAgency,
            ChangeKind.Updated,
            request.ValidateOnly,
            cancellationToken,
            beforeSave: after => idempotency.Remember(db, after.Name, after, now),
            requestId: idempotency.RequestId);
    }

    public override Task<Agency> MergeAgencies(MergeAgenciesRequest request, ServerCallContext context)
        => merger.MergeAsync(request, context.CancellationToken);

    public override async Task<ListAgencyHistoryResponse> ListAgencyHistory(ListAgencyHistoryRequest request, ServerCallContext context)
    {
        var name = AgencyName.Parse(request.Name, "name");
        await using var db = await databases.CreateAsync(tenant.ProvinceId, context.CancellationToken);
        if (!await db.Agencies.WithResourceId(name.Agency).AnyAsync(context.CancellationToken))
        {
            throw ApiErrors.NotFound(request.Name);
        }

        var page = await history.ListAsync(
            db,
            new HistoryQuery(nameof(ListAgencyHistory), request.Name, request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            context.CancellationToken);
        var response = new ListAgencyHistoryResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Records.Select(record => new AgencyHistoryEntry
        {
            RevisionId = record.Etag ?? "",
            CommitTime = Timestamp.FromDateTimeOffset(record.CommitTime),
            Actor = ActorMapping.ToContract(record.Actor),
            Method = record.Method,
            RequestId = record.RequestId ?? "",
            Before = record.Before is { } before ? Agency.Parser.ParseFrom(before) : null,
            After = record.After is { } after ? Agency.Parser.ParseFrom(after) : null,
        }));
        return response;
    }

    private DateOnly ProvinceToday(DateTimeOffset now) => new TaskClock(now, TaskClock.ZoneOf(tenant.Province?.TimeZone)).Today;
}
