using Directives.Contracts.V1;
using Task = System.Threading.Tasks.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>The full method names of TaskService, as the change log and idempotency records store them.</summary>
internal static class TaskMethods
{
    private static readonly string Prefix = "/" + TaskService.Descriptor.FullName + "/";

    public static readonly string CreateTask = Prefix + nameof(CreateTask);
    public static readonly string UpdateTask = Prefix + nameof(UpdateTask);
    public static readonly string DeleteTask = Prefix + nameof(DeleteTask);
    public static readonly string UndeleteTask = Prefix + nameof(UndeleteTask);
    public static readonly string CompleteTask = Prefix + nameof(CompleteTask);
    public static readonly string ReopenTask = Prefix + nameof(ReopenTask);
    public static readonly string CancelTask = Prefix + nameof(CancelTask);
    public static readonly string ExtendTaskDeadline = Prefix + nameof(ExtendTaskDeadline);
    public static readonly string ReportProgress = Prefix + nameof(ReportProgress);
}
