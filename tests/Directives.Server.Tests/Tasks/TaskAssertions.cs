using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Tests.Tasks;

/// <summary>Comparisons of tasks that leave out what is computed at read time.</summary>
internal static class TaskAssertions
{
    /// <summary>The task without <c>timeliness</c> and <c>days_late</c>, which change with the passing of time alone.</summary>
    public static TaskResource WithoutTime(this TaskResource task)
    {
        var stored = task.Clone();
        stored.Timeliness = TaskResource.Types.Timeliness.Unspecified;
        stored.DaysLate = 0;
        return stored;
    }
}
