using System.Linq.Expressions;
using Directives.Data.Configuration;
using Directives.Data.Resources;
using Directives.Data.Search;
using Directives.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Queries;

/// <summary>
/// Predicates for the ListTasks filter fields that live in storage-only columns or tables; combine them
/// with <see cref="Predicates"/> and with plain lambdas on domain properties (<c>t =&gt; t.State == …</c>).
/// Get one from <see cref="ProvinceDbContext.TaskFilters"/>: the agency predicates query that database's index.
/// </summary>
public sealed class TaskFilters
{
    private readonly ProvinceDbContext _context;

    internal TaskFilters(ProvinceDbContext context) => _context = context;

    /// <summary>Tasks of the directive with this resource id.</summary>
    public Expression<Func<DirectiveTask, bool>> InDirective(string directiveResourceId)
        => t => EF.Property<string>(t, ResourceProperties.DirectiveResourceId) == directiveResourceId;

    // The agency predicates are "id IN (the agency's task ids)" rather than a correlated EXISTS: SQLite then
    // starts from the agency's rows in ix_task_agencies_agency instead of probing every task (the storage
    // benchmark measured a count 20 times faster), and PostgreSQL plans both forms as the same semi-join.

    /// <summary><c>agency = A</c>: the agency leads or cooperates.</summary>
    public Expression<Func<DirectiveTask, bool>> Involving(Guid agencyId)
        => t => _context.TaskAgencies.Where(a => a.AgencyId == agencyId).Select(a => a.TaskId).Contains(t.Id);

    /// <summary><c>lead_agency = A</c>.</summary>
    public Expression<Func<DirectiveTask, bool>> LedBy(Guid agencyId)
        => t => _context.TaskAgencies.Where(a => a.AgencyId == agencyId && a.IsLead).Select(a => a.TaskId).Contains(t.Id);

    /// <summary><c>cooperating_agencies:A</c>.</summary>
    public Expression<Func<DirectiveTask, bool>> CooperatedBy(Guid agencyId)
        => t => _context.TaskAgencies.Where(a => a.AgencyId == agencyId && !a.IsLead).Select(a => a.TaskId).Contains(t.Id);

    /// <summary><c>deadline_time</c> compared with an instant; standing tasks never match.</summary>
    public Expression<Func<DirectiveTask, bool>> Due(Comparison comparison, DateTimeOffset value)
        => Ticks(TaskProperties.DueSort, comparison, value.UtcTicks, excluded: TaskProperties.StandingDueSort);

    /// <summary><c>deadline.standing</c>.</summary>
    public Expression<Func<DirectiveTask, bool>> IsStanding(bool standing)
        => standing
            ? t => EF.Property<long>(t, TaskProperties.DueSort) == TaskProperties.StandingDueSort
            : t => EF.Property<long>(t, TaskProperties.DueSort) != TaskProperties.StandingDueSort;

    /// <summary><c>complete_time</c> compared with an instant; tasks not completed never match.</summary>
    public Expression<Func<DirectiveTask, bool>> Completed(Comparison comparison, DateTimeOffset value)
        => Ticks(TaskProperties.CompleteSort, comparison, value.UtcTicks, excluded: long.MaxValue);

    public Expression<Func<DirectiveTask, bool>> Created(Comparison comparison, DateTimeOffset value)
        => Ticks(ResourceProperties.CreateTime, comparison, value.UtcTicks, excluded: null);

    public Expression<Func<DirectiveTask, bool>> Updated(Comparison comparison, DateTimeOffset value)
        => Ticks(ResourceProperties.UpdateTime, comparison, value.UtcTicks, excluded: null);

    /// <summary>
    /// <c>timeliness</c> at <paramref name="now"/>, derived in SQL as the domain derives it
    /// (<see cref="DirectiveTask.TimelinessAt"/>): never stored, since it changes with time alone.
    /// </summary>
    public Expression<Func<DirectiveTask, bool>> HasTimeliness(Timeliness timeliness, DateTimeOffset now)
    {
        var nowTicks = now.UtcTicks;
        const long standing = TaskProperties.StandingDueSort;
        return timeliness switch
        {
            Timeliness.NotApplicable => t => t.State == TaskState.Cancelled || EF.Property<long>(t, TaskProperties.DueSort) == standing,
            Timeliness.OnTime => t => t.State == TaskState.Completed && EF.Property<long>(t, TaskProperties.DueSort) != standing
                && EF.Property<long>(t, TaskProperties.CompleteSort) <= EF.Property<long>(t, TaskProperties.DueSort),
            Timeliness.CompletedLate => t => t.State == TaskState.Completed && EF.Property<long>(t, TaskProperties.DueSort) != standing
                && EF.Property<long>(t, TaskProperties.CompleteSort) > EF.Property<long>(t, TaskProperties.DueSort),
            Timeliness.Overdue => t => (t.State == TaskState.NotStarted || t.State == TaskState.InProgress)
                && EF.Property<long>(t, TaskProperties.DueSort) != standing && EF.Property<long>(t, TaskProperties.DueSort) < nowTicks,
            Timeliness.InTime => t => (t.State == TaskState.NotStarted || t.State == TaskState.InProgress)
                && EF.Property<long>(t, TaskProperties.DueSort) != standing && EF.Property<long>(t, TaskProperties.DueSort) >= nowTicks,
            _ => throw new ArgumentOutOfRangeException(nameof(timeliness), timeliness, "Unknown timeliness."),
        };
    }

    /// <summary><c>parent_task</c>: the direct sub-tasks of <paramref name="parent"/>, or the top-level tasks for null.</summary>
    public Expression<Func<DirectiveTask, bool>> ChildrenOf(TaskNumber? parent)
    {
        // Sort keys are 4-digit segments joined by '.': "0003" is top-level, "0003.0001" its child.
        if (parent is null)
        {
            return t => !EF.Property<string>(t, TaskProperties.NumberSortKey).Contains(".");
        }

        var prefix = parent.SortKey + ".";
        var length = prefix.Length + 4;
        return t => EF.Property<string>(t, TaskProperties.NumberSortKey).StartsWith(prefix)
            && EF.Property<string>(t, TaskProperties.NumberSortKey).Length == length;
    }

    /// <summary><c>title</c> contains the words.</summary>
    public Expression<Func<DirectiveTask, bool>> TitleMatches(string query, WordMatch match = WordMatch.WholeWord)
        => TextSearch.Matches<DirectiveTask>(TaskProperties.TitleSearch, query, match);

    /// <summary>Title or content contains every word (a word may be in either).</summary>
    public Expression<Func<DirectiveTask, bool>> TextMatches(string query, WordMatch match = WordMatch.WholeWord)
    {
        var result = (Expression<Func<DirectiveTask, bool>>)(t => true);
        foreach (var word in Domain.Search.VietnameseText.Tokenize(query))
        {
            result = result.And(TextSearch.Matches<DirectiveTask>(TaskProperties.TitleSearch, word, match)
                .Or(TextSearch.Matches<DirectiveTask>(TaskProperties.ContentSearch, word, match)));
        }

        return result;
    }

    private static Expression<Func<DirectiveTask, bool>> Ticks(string property, Comparison comparison, long value, long? excluded)
    {
        Expression<Func<DirectiveTask, bool>> compared = comparison switch
        {
            Comparison.Equal => t => EF.Property<long>(t, property) == value,
            Comparison.NotEqual => t => EF.Property<long>(t, property) != value,
            Comparison.Less => t => EF.Property<long>(t, property) < value,
            Comparison.LessOrEqual => t => EF.Property<long>(t, property) <= value,
            Comparison.Greater => t => EF.Property<long>(t, property) > value,
            Comparison.GreaterOrEqual => t => EF.Property<long>(t, property) >= value,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown comparison."),
        };
        if (excluded is not { } sentinel)
        {
            return compared;
        }

        return compared.And(t => EF.Property<long>(t, property) != sentinel);
    }
}
