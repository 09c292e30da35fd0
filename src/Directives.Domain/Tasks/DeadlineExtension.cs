using Directives.Domain.Directives;

namespace Directives.Domain.Tasks;

/// <summary>
/// One approved extension of a task's deadline. Extensions are kept in order and never edited, so
/// the original deadline and each step after it stay on record.
/// </summary>
public sealed class DeadlineExtension
{
    private DeadlineExtension()
    {
    }

    /// <summary>1 for the first extension of the task, 2 for the next.</summary>
    public int Sequence { get; private set; }

    public Deadline PreviousDeadline { get; private set; } = Deadline.Standing;

    public Deadline NewDeadline { get; private set; } = Deadline.Standing;

    public string Reason { get; private set; } = "";

    public NumberAndSymbol ApprovingDecision { get; private set; } = null!;

    public DateTimeOffset ApprovedAt { get; private set; }

    public string ApprovedBy { get; private set; } = "";

    internal static DeadlineExtension Create(
        int sequence, Deadline previous, Deadline next, string reason, NumberAndSymbol decision, DateTimeOffset approvedAt, string approvedBy)
        => new()
        {
            Sequence = sequence,
            PreviousDeadline = previous,
            NewDeadline = next,
            Reason = reason,
            ApprovingDecision = decision,
            ApprovedAt = approvedAt.ToUniversalTime(),
            ApprovedBy = approvedBy,
        };
}
