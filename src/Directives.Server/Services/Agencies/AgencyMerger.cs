using Directives.Contracts.V1;
using Directives.Data;
using Directives.Data.Changes;
using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Services.Tasks;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using AgencyFields = Directives.Domain.Agencies.AgencyFields;
using DomainTarget = Directives.Domain.Targets.Target;
using TargetDetails = Directives.Domain.Targets.TargetDetails;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Agencies;

/// <summary>
/// MergeAgencies: each source becomes part of the target from the effective date; with
/// reassign_open_tasks, the open tasks that name a source name the target instead (the lead stays lead,
/// and the target is never both lead and cooperating). Sources, target and tasks change in one
/// transaction, each with its own change log entry.
/// </summary>
internal sealed class AgencyMerger(ITenantContext tenant, IProvinceDbContextFactory databases, TimeProvider time, AgencyWriter writer)
{
    private const int MaxSources = 50;
    private const string TaskResourceType = "directives.gov.vn/Task";

    public async Task<Agency> MergeAsync(MergeAgenciesRequest request, CancellationToken cancellationToken)
    {
        var idempotency = IdempotentCreate<Agency>.For(request, request.RequestId, AgencyMethods.MergeAgencies);
        await using var db = await databases.CreateAsync(tenant.ProvinceId, cancellationToken);
        var now = time.GetUtcNow();
        if (!request.ValidateOnly && await idempotency.FindFirstResultAsync(db, now, cancellationToken) is { } first)
        {
            return first;
        }

        var target = await writer.LoadAsync(db, request.Name, request.Etag, cancellationToken);
        var edge = new RequestViolations();
        if (!target.Agency.IsActive)
        {
            edge.Add("name", $"{request.Name} has been merged itself; merge into an active agency", ErrorReasons.AgencyMerged);
        }

        var sources = await LoadSourcesAsync(db, request, target, edge, cancellationToken);
        var effective = request.EffectiveDate is { } date
            ? DateMapping.FromContract(date, AgencyFields.EffectiveDate, edge)
            : new TaskClock(now, TaskClock.ZoneOf(tenant.Province?.TimeZone)).Today;
        InputViolations.Check(edge, () =>
        {
            foreach (var source in sources)
            {
                source.Agency.MergeInto(target.Agency, effective!.Value);
            }

            return true;
        });

        if (request.ValidateOnly)
        {
            return target.Before;
        }

        foreach (var source in sources)
        {
            var stamp = source.Entry.Touch(now);
            var after = writer.Present(source.Agency, stamp, target.Agencies);
            db.RecordChange(tenant, AgencyMethods.MergeAgencies, ChangeKind.Updated, after.Name, AgencyMapping.ResourceType, source.Before, after, stamp.Etag, idempotency.RequestId);
        }

        if (request.ReassignOpenTasks)
        {
            await ReassignOpenTasksAsync(db, target, sources, now, idempotency.RequestId, cancellationToken);
        }

        return await writer.SaveAsync(
            db,
            target,
            AgencyMethods.MergeAgencies,
            ChangeKind.Updated,
            validateOnly: false,
            cancellationToken,
            beforeSave: after => idempotency.Remember(db, after.Name, after, now),
            requestId: idempotency.RequestId);
    }

    private async Task<List<LoadedAgency>> LoadSourcesAsync(
        ProvinceDbContext db, MergeAgenciesRequest request, LoadedAgency target, RequestViolations edge, CancellationToken cancellationToken)
    {
        if (request.SourceAgencies.Count is 0 or > MaxSources)
        {
            edge.Add("source_agencies", $"must name 1 to {MaxSources} agencies (got {request.SourceAgencies.Count})");
            return [];
        }

        var sources = new List<LoadedAgency>();
        for (var i = 0; i < request.SourceAgencies.Count; i++)
        {
            var field = $"source_agencies[{i}]";
            var name = request.SourceAgencies[i];
            if (target.Agencies.Find(name) is not { IsDeleted: false } found)
            {
                edge.Add(field, $"{name} does not exist, is deleted, or belongs to another province", ErrorReasonNames.Of(ErrorReason.UnknownReference));
            }
            else if (found.Id == target.Agency.Id)
            {
                edge.Add(field, "is the target agency itself");
            }
            else if (sources.Any(s => s.Agency.Id == found.Id))
            {
                edge.Add(field, $"{name} is listed twice");
            }
            else if (found.MergedIntoId is not null)
            {
                edge.Add(field, $"{name} has already been merged", ErrorReasons.AgencyMerged);
            }
            else
            {
                sources.Add(await writer.LoadAsync(db, name, etag: "", cancellationToken, field: field));
            }
        }

        return sources;
    }

    private async Task ReassignOpenTasksAsync(
        ProvinceDbContext db, LoadedAgency target, List<LoadedAgency> sources, DateTimeOffset now, string? requestId, CancellationToken cancellationToken)
    {
        var sourceIds = sources.Select(s => s.Agency.Id).ToHashSet();
        var involving = sourceIds.Select(db.TaskFilters.Involving).Aggregate((left, right) => left.Or(right));
        var tasks = await db.Tasks.NotDeleted()
            .Where(t => t.State == TaskState.NotStarted || t.State == TaskState.InProgress)
            .Where(involving)
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }

        var entries = tasks.Select(t => (Task: t, Entry: db.Resource(t))).ToList();
        var relations = await TaskRelations.LoadAsync(db, [.. entries.Select(e => (e.Task, e.Entry.Stamp))], cancellationToken);
        var presenter = new TaskPresenter(tenant.ProvinceId, target.Agencies, relations);
        var targetId = target.Agency.Id;
        foreach (var (task, entry) in entries)
        {
            var before = presenter.ToResource(task, entry.Stamp, clock: null);
            var lead = sourceIds.Contains(task.LeadAgencyId) ? targetId : task.LeadAgencyId;
            var cooperating = task.CooperatingAgencyIds
                .Select(id => sourceIds.Contains(id) ? targetId : id)
                .Where(id => id != lead)
                .Distinct()
                .ToList();
            task.Update(new TaskDetails
            {
                Number = task.Number.ToString(),
                Title = task.Title,
                Content = task.Content,
                LeadAgencyId = lead,
                CooperatingAgencyIds = cooperating,
                OriginalDeadline = task.OriginalDeadline,
                Targets = [.. task.Targets.Select(DetailsOf)],
            });
            var stamp = entry.Touch(now);
            var after = presenter.ToResource(task, stamp, clock: null);
            db.RecordChange(tenant, AgencyMethods.MergeAgencies, ChangeKind.Updated, after.Name, TaskResourceType, before, after, stamp.Etag, requestId);
        }
    }

    private static TargetDetails DetailsOf(DomainTarget target) => new()
    {
        Id = target.Id,
        Metric = target.Metric,
        Comparator = target.Comparator,
        Value = target.Value,
        Unit = target.Unit,
        Kind = target.Kind,
        BaselinePeriod = target.BaselinePeriod,
        BaselineValue = target.BaselineValue,
    };
}
