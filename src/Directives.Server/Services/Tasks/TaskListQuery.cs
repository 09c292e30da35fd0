using Directives.Data.Queries;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;

namespace Directives.Server.Services.Tasks;

/// <summary>What a ListTasks request selects, applied to one province's tasks.</summary>
internal sealed record TaskListQuery(DirectiveName Parent, BoundFilter Filter, TaskOrder Order, bool Descending, bool ShowDeleted)
{
    /// <summary>
    /// The province's tasks the request selects and the caller may see: the directive of the parent,
    /// undeleted unless <see cref="ShowDeleted"/>, an officer's agency's only, and the filter.
    /// </summary>
    public async Task<IQueryable<DirectiveTask>> BuildAsync(TaskWorkspace work, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var filters = db.TaskFilters;
        var agencies = await work.AgenciesAsync(cancellationToken);
        IQueryable<DirectiveTask> tasks = db.Tasks;
        if (!ShowDeleted)
        {
            tasks = tasks.NotDeleted();
        }

        if (!Parent.HasWildcard)
        {
            tasks = tasks.Where(filters.InDirective(Parent.Directive));
        }

        if (work.Tenant.Tasks.RestrictedToAgency is { } agency)
        {
            tasks = agencies.Find(agency) is { } own ? tasks.Where(filters.Involving(own.Id)) : tasks.Where(t => false);
        }

        if (!Filter.IsEmpty)
        {
            var references = await TaskFilterReferences.LoadAsync(db, Filter, cancellationToken);
            tasks = tasks.Where(TaskFilterMapping.For(db, agencies, references, work.Now).ToPredicate(AgencyShorthand.Combine(Filter)));
        }

        return tasks;
    }
}
