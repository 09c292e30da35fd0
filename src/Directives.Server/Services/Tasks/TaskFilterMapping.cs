using System.Linq.Expressions;
using Directives.Data;
using Directives.Data.Queries;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Microsoft.EntityFrameworkCore;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The ListTasks filter fields over one province's stored tasks: the API toolkit parses and type-checks
/// the filter; these mappings turn each condition into what EF translates, with the Data layer's task
/// predicates for the storage-only columns and the agency index. Timeliness is derived in SQL at the
/// call's instant, never stored. Built per unit of work: references compare through that database
/// (agencies by the catalogue, parent tasks by their numbers, directive fields by a subquery).
/// </summary>
internal static class TaskFilterMapping
{
    public static FilterMapping<DirectiveTask> For(ProvinceDbContext db, AgencyDirectory agencies, TaskFilterReferences references, DateTimeOffset now)
    {
        var filters = db.TaskFilters;
        var provinceId = db.ProvinceId;
        return new FilterMapping<DirectiveTask>(FilterSchemas.ListTasks)
            .Map("state", t => t.State)
            .MapCondition("timeliness", c => Negate(c, TimelinessIs(filters, (int)c.Value, now)))
            .MapCondition("lead_agency", c => LeadAgency(filters, agencies, c))
            .MapCondition("cooperating_agencies", c => agencies.Find((string)c.Value) is { } a ? filters.CooperatedBy(a.Id) : None)
            .MapCondition("deadline_time", c => filters.Due(ComparisonOf(c), (DateTimeOffset)c.Value))
            .MapCondition("deadline.standing", c => filters.IsStanding((bool)c.Value == (c.Operator == FilterOperator.Equal)))
            .MapCondition("directive", c => Negate(c, DirectiveName.TryParse((string)c.Value, out var d) && d.Province == provinceId ? filters.InDirective(d.Directive) : None))
            .MapCondition("directive.document_type", c => OfDirective(db, c, d => d.DocumentType == (DocumentType)(int)c.Value))
            .MapCondition("directive.state", c => OfDirective(db, c, d => d.State == (DirectiveState)(int)c.Value))
            .MapCondition("directive.issue_date.year", c => IssueYear(db, c))
            .MapCondition("directive.issuing_body_kind", c => OfDirective(db, c, DirectiveFilters.IssuingBodyKindIs((int)c.Value == 0 ? null : (int)c.Value)))
            .MapCondition("parent_task", c => Negate(c, ParentIs(filters, references, (string)c.Value)))
            .MapCondition("number", NumberIs)
            .Map("title", t => EF.Property<string>(t, TaskColumns.TitleSearch))
            .MapCondition("complete_time", c => filters.Completed(ComparisonOf(c), (DateTimeOffset)c.Value))
            .MapCondition("create_time", c => filters.Created(ComparisonOf(c), (DateTimeOffset)c.Value))
            .MapCondition("update_time", c => filters.Updated(ComparisonOf(c), (DateTimeOffset)c.Value))
            .EnsureComplete();
    }

    private static Expression<Func<DirectiveTask, bool>> None => t => false;

    // `lead_agency = A`, or the `agency = A` shorthand combined into one index lookup (AgencyShorthand).
    private static Expression<Func<DirectiveTask, bool>> LeadAgency(TaskFilters filters, AgencyDirectory agencies, FilterCondition condition)
    {
        if (agencies.Find((string)condition.Value) is not { } agency)
        {
            return Negate(condition, None);
        }

        return AgencyShorthand.IsLeadsOrCooperates(condition) ? filters.Involving(agency.Id) : Negate(condition, filters.LedBy(agency.Id));
    }

    private static Expression<Func<DirectiveTask, bool>> TimelinessIs(TaskFilters filters, int value, DateTimeOffset now)
        => (TaskResource.Types.Timeliness)value switch
        {
            TaskResource.Types.Timeliness.OnTime => filters.HasTimeliness(Timeliness.OnTime, now),
            TaskResource.Types.Timeliness.CompletedLate => filters.HasTimeliness(Timeliness.CompletedLate, now),
            TaskResource.Types.Timeliness.Overdue => filters.HasTimeliness(Timeliness.Overdue, now),
            TaskResource.Types.Timeliness.InTime => filters.HasTimeliness(Timeliness.InTime, now),
            TaskResource.Types.Timeliness.NotApplicable => filters.HasTimeliness(Timeliness.NotApplicable, now),
            _ => None,
        };

    private static Expression<Func<DirectiveTask, bool>> ParentIs(TaskFilters filters, TaskFilterReferences references, string name)
    {
        if (name.Length == 0)
        {
            return filters.ChildrenOf(null);
        }

        return references.FindTask(name) is { } parent ? filters.InDirective(parent.Directive).And(filters.ChildrenOf(parent.Number)) : None;
    }

    // `=` is the same number ("3.1." is "3.1"); `:` is the number or any number under it ("3" has 3, 3.1, 3.1.2).
    private static Expression<Func<DirectiveTask, bool>> NumberIs(FilterCondition condition)
    {
        if (!TaskNumber.TryParse((string)condition.Value, out var number))
        {
            return condition.Operator == FilterOperator.NotEqual ? t => true : None;
        }

        var sortKey = number.SortKey;
        if (condition.Operator == FilterOperator.Has)
        {
            var under = sortKey + ".";
            return t => EF.Property<string>(t, TaskColumns.NumberSortKey) == sortKey || EF.Property<string>(t, TaskColumns.NumberSortKey).StartsWith(under);
        }

        return Negate(condition, t => t.Number == number);
    }

    private static Expression<Func<DirectiveTask, bool>> IssueYear(ProvinceDbContext db, FilterCondition condition)
    {
        var year = (long)condition.Value;
        if (year is < 1 or > 9998)
        {
            throw ApiErrors.InvalidFilter(
                $"directive.issue_date.year {year} at position {condition.Position} is not a year between 1 and 9998", condition.Position);
        }

        var start = new DateOnly((int)year, 1, 1);
        var next = start.AddYears(1);
        Expression<Func<Directive, bool>> issued = condition.Operator switch
        {
            FilterOperator.Equal => DirectiveFilters.IssuedInYear((int)year),
            FilterOperator.NotEqual => d => d.IssuedOn != null && (d.IssuedOn < start || d.IssuedOn >= next),
            FilterOperator.Less => d => d.IssuedOn < start,
            FilterOperator.LessOrEqual => d => d.IssuedOn < next,
            FilterOperator.Greater => d => d.IssuedOn >= next,
            _ => d => d.IssuedOn >= start,
        };
        var directives = db.Directives.Where(issued);
        return t => directives.Any(d => d.Id == t.DirectiveId);
    }

    /// <summary>Tasks whose directive satisfies <paramref name="equal"/>; with <c>!=</c>, whose directive does not.</summary>
    private static Expression<Func<DirectiveTask, bool>> OfDirective(ProvinceDbContext db, FilterCondition condition, Expression<Func<Directive, bool>> equal)
    {
        var directives = db.Directives.Where(condition.Operator == FilterOperator.NotEqual ? equal.Not() : equal);
        return t => directives.Any(d => d.Id == t.DirectiveId);
    }

    private static Expression<Func<DirectiveTask, bool>> Negate(FilterCondition condition, Expression<Func<DirectiveTask, bool>> equal)
        => condition.Operator == FilterOperator.NotEqual ? equal.Not() : equal;

    private static Comparison ComparisonOf(FilterCondition condition) => condition.Operator switch
    {
        FilterOperator.Equal => Comparison.Equal,
        FilterOperator.NotEqual => Comparison.NotEqual,
        FilterOperator.Less => Comparison.Less,
        FilterOperator.LessOrEqual => Comparison.LessOrEqual,
        FilterOperator.Greater => Comparison.Greater,
        FilterOperator.GreaterOrEqual => Comparison.GreaterOrEqual,
        _ => throw ApiErrors.InvalidFilter($"{condition.Field.Name} does not take \":\" (position {condition.Position})", condition.Position),
    };
}
