using Directives.Domain.Targets;

namespace Directives.Domain.Tasks;

/// <summary>Everything a person enters about a task; checked whole by <see cref="DirectiveTask.Create"/> and <see cref="DirectiveTask.Update"/>.</summary>
public sealed record TaskDetails
{
    /// <summary>As written: "3", "3.1".</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    /// <summary>The task's text from the directive, kept verbatim.</summary>
    public required string Content { get; init; }

    /// <summary>Chủ trì: the one agency answerable for the task.</summary>
    public required Guid LeadAgencyId { get; init; }

    /// <summary>Phối hợp: agencies that support the lead; never the lead itself, each once.</summary>
    public IReadOnlyList<Guid> CooperatingAgencyIds { get; init; } = [];

    /// <summary>Use <see cref="Deadline.Standing"/> for "thường xuyên".</summary>
    public required Deadline Deadline { get; init; }

    public IReadOnlyList<TargetDetails> Targets { get; init; } = [];
}
