namespace Directives.Domain.Tasks;

/// <summary>How a task stands against its deadline; derived from state, deadline and time, never stored.</summary>
public enum Timeliness
{
    /// <summary>A standing ("thường xuyên") or cancelled task: no deadline to be late for.</summary>
    NotApplicable = 0,

    /// <summary>Open and not yet due.</summary>
    InTime = 1,

    /// <summary>Completed by the end of its due day.</summary>
    OnTime = 2,

    /// <summary>Completed after the end of its due day.</summary>
    CompletedLate = 3,

    /// <summary>Open past the end of its due day.</summary>
    Overdue = 4,
}
