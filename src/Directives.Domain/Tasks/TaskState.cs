namespace Directives.Domain.Tasks;

/// <summary>
/// A task's workflow: NotStarted → InProgress → Completed, with Cancel from either open state and
/// Reopen from Completed or Cancelled back to InProgress.
/// </summary>
public enum TaskState
{
    NotStarted = 1,
    InProgress = 2,
    Completed = 3,
    Cancelled = 4,
}
