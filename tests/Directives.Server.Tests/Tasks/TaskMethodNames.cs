namespace Directives.Server.Tests.Tasks;

/// <summary>The full method names the task history records.</summary>
internal static class TaskMethodNames
{
    public const string CreateTask = "/directives.v1.TaskService/CreateTask";
    public const string UpdateTask = "/directives.v1.TaskService/UpdateTask";
    public const string CompleteTask = "/directives.v1.TaskService/CompleteTask";
    public const string ExtendTaskDeadline = "/directives.v1.TaskService/ExtendTaskDeadline";
    public const string ReportProgress = "/directives.v1.TaskService/ReportProgress";
}
