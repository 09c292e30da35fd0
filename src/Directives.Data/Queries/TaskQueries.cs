using Directives.Data.Configuration;
using Directives.Data.Resources;
using Directives.Domain.Tasks;

namespace Directives.Data.Queries;

/// <summary>Keyset-paginated task lists in each <see cref="TaskOrder"/>.</summary>
public static class TaskQueries
{
    private static readonly KeysetKey<DirectiveTask> DirectiveKey =
        KeysetKey<DirectiveTask>.Text(ResourceProperties.DirectiveResourceId, t => t.Stamp.DirectiveResourceId!);

    private static readonly KeysetKey<DirectiveTask> TaskKey =
        KeysetKey<DirectiveTask>.Text(ResourceProperties.ResourceId, t => t.Stamp.ResourceId);

    private static readonly Keyset<DirectiveTask> ByNumber = new(
        DirectiveKey,
        KeysetKey<DirectiveTask>.Text(TaskProperties.NumberSortKey, t => t.Resource.Number.SortKey),
        TaskKey);

    private static readonly Keyset<DirectiveTask> ByDeadline = new(
        KeysetKey<DirectiveTask>.Number(TaskProperties.DueSort, t => t.Resource.DueAt?.UtcTicks ?? TaskProperties.StandingDueSort),
        DirectiveKey,
        TaskKey);

    private static readonly Keyset<DirectiveTask> ByCompleteTime = new(
        KeysetKey<DirectiveTask>.Number(TaskProperties.CompleteSort, t => t.Resource.CompletedAt?.UtcTicks ?? long.MaxValue),
        DirectiveKey,
        TaskKey);

    private static readonly Keyset<DirectiveTask> ByCreateTime = new(
        KeysetKey<DirectiveTask>.Number(ResourceProperties.CreateTime, t => t.Stamp.CreateTime.UtcTicks),
        DirectiveKey,
        TaskKey);

    private static readonly Keyset<DirectiveTask> ByUpdateTime = new(
        KeysetKey<DirectiveTask>.Number(ResourceProperties.UpdateTime, t => t.Stamp.UpdateTime.UtcTicks),
        DirectiveKey,
        TaskKey);

    /// <summary>
    /// One page of <paramref name="source"/> (already filtered) in <paramref name="order"/>, starting
    /// after <paramref name="after"/> (null for the first page); read without tracking.
    /// </summary>
    public static Task<Page<DirectiveTask>> ListPageAsync(
        this IQueryable<DirectiveTask> source, TaskOrder order, bool descending, PageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var keyset = order switch
        {
            TaskOrder.Number => ByNumber,
            TaskOrder.Deadline => ByDeadline,
            TaskOrder.CompleteTime => ByCompleteTime,
            TaskOrder.CreateTime => ByCreateTime,
            TaskOrder.UpdateTime => ByUpdateTime,
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown task order."),
        };
        return keyset.ListAsync(source, descending, after, pageSize, cancellationToken);
    }
}
