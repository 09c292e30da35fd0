using Directives.Domain.Targets;

namespace Directives.Domain.Tasks;

/// <summary>Everything a person enters about a task; checked whole by <see cref="DirectiveTask.Create"/> and <see cref="DirectiveTask.Update"/>.</summary>
public sealed record TaskDetails
{
    /// <summary>As written: "3", "3.1".</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    /// <summary>The task's text from the directive, kept verbatim; may be empty when the title says it all.</summary>
    public string Content { get; init; } = "";

    /// <summary>Chủ trì: the one agency answerable for the task.</summary>
    public required Guid LeadAgencyId { get; init; }

    /// <summary>Phối hợp: agencies that support the lead; never the lead itself, each once.</summary>
    public IReadOnlyList<Guid> CooperatingAgencyIds { get; init; } = [];

    /// <summary>
    /// The deadline the directive set; use <see cref="Deadline.Standing"/> for "thường xuyên". Once
    /// extended, it stays as it was: send back the original (or the deadline in force) on update.
    /// </summary>
    public required Deadline OriginalDeadline { get; init; }

    public IReadOnlyList<TargetDetails> Targets { get; init; } = [];
}
