using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>A task as a request gives it, read into the domain's <see cref="TaskDetails"/>.</summary>
internal static class TaskInput
{
    private const int MaxCooperatingAgencies = 200;
    private const int MaxTargets = 50;

    /// <summary>
    /// The details of <paramref name="task"/>; problems of the request's own form and references are
    /// added to <paramref name="violations"/>, and what they leave unreadable becomes a placeholder the
    /// domain accepts, so that the domain's checks of the rest still run. <paramref name="existing"/>
    /// is the stored task of an update: its agencies may since have been merged.
    /// </summary>
    public static TaskDetails FromContract(TaskResource task, DirectiveTask? existing, AgencyDirectory agencies, RequestViolations violations)
    {
        var kept = existing is null ? null : TaskAgencies.Of(existing);
        var lead = agencies.Resolve(task.LeadAgency, TaskFields.LeadAgency, violations, kept);
        if (task.CooperatingAgencies.Count > MaxCooperatingAgencies)
        {
            violations.Add(TaskFields.CooperatingAgencies, $"lists {task.CooperatingAgencies.Count} agencies; at most {MaxCooperatingAgencies}");
        }

        var cooperating = new List<Guid>(task.CooperatingAgencies.Count);
        for (var i = 0; i < task.CooperatingAgencies.Count; i++)
        {
            var field = FieldPaths.Item(TaskFields.CooperatingAgencies, i);
            cooperating.Add(agencies.Resolve(task.CooperatingAgencies[i], field, violations, kept) ?? Guid.NewGuid());
        }

        if (task.Targets.Count > MaxTargets)
        {
            violations.Add(TaskFields.Targets, $"lists {task.Targets.Count} targets; at most {MaxTargets}");
        }

        var targets = new List<Domain.Targets.TargetDetails>(task.Targets.Count);
        for (var i = 0; i < task.Targets.Count; i++)
        {
            targets.Add(TargetMapping.FromContract(task.Targets[i], FieldPaths.Item(TaskFields.Targets, i), violations));
        }

        return new TaskDetails
        {
            Number = InputText.Nfc(task.Number),
            Title = InputText.Nfc(task.Title),
            Content = InputText.Nfc(task.Content),
            LeadAgencyId = lead ?? Guid.NewGuid(),
            CooperatingAgencyIds = cooperating,
            OriginalDeadline = DeadlineMapping.FromContract(task.OriginalDeadline, TaskFields.OriginalDeadline, violations) ?? Deadline.Standing,
            Targets = targets,
        };
    }
}
