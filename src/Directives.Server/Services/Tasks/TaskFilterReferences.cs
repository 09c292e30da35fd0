using Directives.Data;
using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The tasks a ListTasks filter names as <c>parent_task</c>, read before the filter is compiled: the
/// sub-task condition needs the parent's number, and task IDs are chosen by clients.
/// </summary>
internal sealed class TaskFilterReferences
{
    private readonly Dictionary<string, (string Directive, TaskNumber Number)> _tasks;

    private TaskFilterReferences(Dictionary<string, (string, TaskNumber)> tasks) => _tasks = tasks;

    public static async Task<TaskFilterReferences> LoadAsync(ProvinceDbContext db, BoundFilter filter, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<string, (string, TaskNumber)>(StringComparer.Ordinal);
        foreach (var name in ParentTaskNames(filter.Root).Distinct())
        {
            if (!TaskName.TryParse(name, out var parsed) || parsed.Province != db.ProvinceId)
            {
                continue;
            }

            var number = await db.Tasks.AsNoTracking()
                .WithTaskName(parsed.Directive, parsed.Task)
                .Select(t => t.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (number is not null)
            {
                tasks[name] = (parsed.Directive, number);
            }
        }

        return new TaskFilterReferences(tasks);
    }

    /// <summary>The directive and number of the task <paramref name="name"/> names; null when there is none here.</summary>
    public (string Directive, TaskNumber Number)? FindTask(string name) => _tasks.TryGetValue(name, out var task) ? task : null;

    private static IEnumerable<string> ParentTaskNames(FilterExpression? node) => node switch
    {
        FilterAnd and => and.Operands.SelectMany(ParentTaskNames),
        FilterOr or => or.Operands.SelectMany(ParentTaskNames),
        FilterNot not => ParentTaskNames(not.Operand),
        FilterCondition { Field.Name: "parent_task", Value: string { Length: > 0 } name } => [name],
        _ => [],
    };
}
