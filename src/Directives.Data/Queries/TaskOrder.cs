namespace Directives.Data.Queries;

/// <summary>The orders of ListTasks; each ends with the task's name (directive id, task id).</summary>
public enum TaskOrder
{
    /// <summary>By directive, then number level by level (3, 3.1, 3.2, 3.10, 4): the default.</summary>
    Number,

    /// <summary>By deadline instant; standing tasks last.</summary>
    Deadline,

    /// <summary>By completion instant; tasks not completed last.</summary>
    CompleteTime,

    CreateTime,

    UpdateTime,
}
