namespace Directives.Domain.Tasks;

/// <summary>An approved extension (gia hạn) of a task's deadline, as the approving decision states it.</summary>
public sealed record DeadlineExtensionDetails
{
    public required Deadline NewDeadline { get; init; }

    public required string Reason { get; init; }

    /// <summary>The number and symbol of the approving decision or letter, e.g. "125/UBND-NC".</summary>
    public required string ApprovingDecision { get; init; }

    public required DateTimeOffset ApprovedAt { get; init; }

    /// <summary>Who approved it: a name and title, or the approving body.</summary>
    public required string ApprovedBy { get; init; }
}
