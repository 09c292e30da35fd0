using Directives.Data.Queries;
using Directives.Server.Api;

namespace Directives.Server.Services.Tasks;

/// <summary>ListTasks' <c>order_by</c> as the Data layer's keyset orders; the task's name always breaks ties.</summary>
internal static class TaskOrdering
{
    public static (TaskOrder Order, bool Descending) Parse(string? orderBy)
    {
        var order = SortSchemas.ListTasks.Parse(orderBy);
        if (order.Keys.Count > 1)
        {
            // Each keyset order has an index that serves it; a second key would sort in memory.
            throw ApiErrors.InvalidOrderBy(
                $"lists {order.Keys.Count} fields; ListTasks orders by one of them (the task's name breaks ties)", SortSchemas.ListTasks.Fields);
        }

        var key = order.Keys[0];
        var taskOrder = key.Field switch
        {
            "deadline_time" => TaskOrder.Deadline,
            "complete_time" => TaskOrder.CompleteTime,
            "create_time" => TaskOrder.CreateTime,
            "update_time" => TaskOrder.UpdateTime,
            _ => TaskOrder.Number,
        };
        return (taskOrder, key.Descending);
    }
}
