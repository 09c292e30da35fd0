using Directives.Contracts.V1;
using Directives.Data.Resources;
using Directives.Domain.Search;
using Directives.Server.Api;
using Directives.Server.Services.Common;
using Directives.Server.Tenancy;
using Microsoft.EntityFrameworkCore;
using DomainPeriodKind = Directives.Domain.Time.PeriodKind;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// ListReports: a task's reports, a directive's (<c>…/tasks/-</c>), a province's, or every province's.
/// Reports live inside their tasks and their periods in one text column, so the scope's reports are
/// read as light <see cref="ReportRow"/>s (no text), filtered and ordered here, and only the page's
/// reports are then read whole. The position in the page token is the last item's sort values and
/// name, so the next page starts strictly after it whatever was filed meanwhile.
/// </summary>
internal sealed class ReportLister(TaskWorkspaces workspaces, PageTokens tokens, ProvinceFanOut fanOut, IProvinceRegistry registry)
{
    public async Task<ListReportsResponse> ListAsync(ListReportsRequest request, CancellationToken cancellationToken)
    {
        var parent = TaskName.Parse(request.Parent, "parent", NameWildcards.AcrossProvinces);
        var pageSize = PageSize.Resolve(request.PageSize);
        var filter = FilterSchemas.ListReports.Bind(request.Filter);
        var order = ReportOrder.Parse(request.OrderBy);
        var parameters = new ListParameters(nameof(TaskService.TaskServiceBase.ListReports), request.Parent, request.Filter, request.OrderBy);
        var after = tokens.Read(request.PageToken, parameters);
        var matches = filter.IsEmpty ? null : ReportFilterMapping.Instance.ToPredicate(filter).Compile();
        var searchesText = ReportFilterMapping.SearchesText(filter);

        var response = new ListReportsResponse();
        var rows = new List<ReportRow>();
        if (parent.IsAcrossProvinces)
        {
            var read = await fanOut.ReadAsync(
                async (province, token) =>
                {
                    await using var work = await workspaces.OpenAsync(province, token);
                    return await ReadRowsAsync(work, parent, searchesText, token);
                },
                cancellationToken);
            response.Unreachable.AddRange(read.Unreachable);
            rows.AddRange(read.Reached.SelectMany(r => r.Value));
        }
        else
        {
            await using var work = await workspaces.OpenAsync(cancellationToken);
            await EnsureParentExistsAsync(work, parent, cancellationToken);
            rows.AddRange(await ReadRowsAsync(work, parent, searchesText, cancellationToken));
        }

        List<ReportRow> selected = matches is null ? rows : [.. rows.Where(matches)];
        selected.Sort(order.Compare);
        var start = after is null ? 0 : selected.FindIndex(r => order.IsAfter(r, after));
        var page = start < 0 ? [] : selected.Skip(start).Take(pageSize).ToList();
        response.TotalSize = selected.Count;
        if (start >= 0 && start + page.Count < selected.Count)
        {
            response.NextPageToken = tokens.Create(parameters, order.PositionOf(page[^1]));
        }

        response.Reports.AddRange(await ReadReportsAsync(page, cancellationToken));
        return response;
    }

    /// <summary>NOT_FOUND for a named task or directive that does not exist; an officer's task must be theirs.</summary>
    private static async Task EnsureParentExistsAsync(TaskWorkspace work, TaskName parent, CancellationToken cancellationToken)
    {
        if (!parent.HasWildcard)
        {
            await work.FindTaskAsync(parent, forUpdate: false, cancellationToken);
        }
        else if (parent.Directive != ResourceId.Wildcard)
        {
            await DirectiveLookup.FindAsync(work, parent.Directive, cancellationToken);
        }
    }

    /// <summary>
    /// The reports under <paramref name="parent"/> in one province, as rows. Reports of deleted tasks are
    /// listed only under their own task; an officer sees the reports of their agency's tasks.
    /// </summary>
    private static async Task<List<ReportRow>> ReadRowsAsync(TaskWorkspace work, TaskName parent, bool searchesText, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var agencies = await work.AgenciesAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        if (!parent.HasWildcard)
        {
            tasks = tasks.WithTaskName(parent.Directive, parent.Task);
        }
        else
        {
            tasks = tasks.NotDeleted();
            if (parent.Directive != ResourceId.Wildcard)
            {
                tasks = tasks.Where(db.TaskFilters.InDirective(parent.Directive));
            }
        }

        if (work.Tenant.Tasks.RestrictedToAgency is { } agency)
        {
            tasks = agencies.Find(agency) is { } own ? tasks.Where(db.TaskFilters.Involving(own.Id)) : tasks.Where(t => false);
        }

        var stored = await tasks
            .SelectMany(t => t.Reports, (t, r) => new
            {
                Directive = EF.Property<string>(t, ResourceProperties.DirectiveResourceId),
                TaskId = EF.Property<string>(t, ResourceProperties.ResourceId),
                TaskKey = t.Id,
                r.Id,
                r.AgencyId,
                r.Kind,
                r.Period,
                r.PercentComplete,
                r.SubmittedBy,
                r.SubmittedAt,
                r.Measurements,
                Text = searchesText ? r.Text : null,
            })
            .ToListAsync(cancellationToken);

        return [.. stored.Select(r => new ReportRow
        {
            Province = work.ProvinceId,
            Directive = r.Directive,
            TaskId = r.TaskId,
            TaskKey = r.TaskKey,
            ReportKey = r.Id,
            ReportId = ReportMapping.ResourceIdOf(r.Id),
            Agency = agencies.NameOf(r.AgencyId),
            Kind = ReportMapping.ToContract(r.Kind),
            PeriodKind = r.Period is { } period ? PeriodMapping.ToContract(period).Kind : null,
            PeriodYear = r.Period?.Year,
            PeriodIndex = r.Period is { } p ? (p.Kind == DomainPeriodKind.Year ? 0 : p.Number) : null,
            PeriodEnd = r.Period?.LastDay,
            PercentComplete = r.PercentComplete,
            SubmitterSubject = SubmitterText.ToActor(r.SubmittedBy).Subject,
            SubmitTime = r.SubmittedAt,
            TextSearch = r.Text is null ? "" : VietnameseText.NormalizeForSearch(r.Text),
            TargetIds = [.. r.Measurements.Select(m => TargetIds.Format(m.TargetId))],
        })];
    }

    /// <summary>The page's reports, read whole from their tasks (a few tasks' rows, whatever the scope's size).</summary>
    private async Task<List<ProgressReport>> ReadReportsAsync(IReadOnlyList<ReportRow> page, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<Guid, ProgressReport>();
        foreach (var province in page.GroupBy(r => r.Province))
        {
            var record = workspaces.Tenant.Province?.Id == province.Key
                ? workspaces.Tenant.Province
                : await registry.FindAsync(province.Key, cancellationToken);
            if (record is null)
            {
                continue;
            }

            await using var work = await workspaces.OpenAsync(record, cancellationToken);
            var agencies = await work.AgenciesAsync(cancellationToken);
            var taskKeys = province.Select(r => r.TaskKey).Distinct().ToList();
            var tasks = await work.Db.Tasks.AsNoTracking().Where(t => taskKeys.Contains(t.Id)).Stamped().ToListAsync(cancellationToken);
            foreach (var task in tasks)
            {
                var name = new TaskName(province.Key, task.Stamp.DirectiveResourceId!, task.Stamp.ResourceId);
                foreach (var report in task.Resource.Reports)
                {
                    reports[report.Id] = ReportMapping.ToContract(report, name, agencies);
                }
            }
        }

        return [.. page.Where(r => reports.ContainsKey(r.ReportKey)).Select(r => reports[r.ReportKey])];
    }
}
