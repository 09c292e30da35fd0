using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Server.Api;
using Google.Protobuf.WellKnownTypes;
using ContractExtension = Directives.Contracts.V1.DeadlineExtension;
using TaskResource = Directives.Contracts.V1.Task;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// Builds the API's <c>Task</c> from a stored task: names instead of ids, the deadline in force and its
/// instant, extensions with who recorded them, targets with their latest measurement and outcome, and,
/// when read at a <see cref="TaskClock"/>, timeliness and days late. Without a clock it gives the stored
/// fields only, as history snapshots keep them.
/// </summary>
internal sealed class TaskPresenter(string provinceId, AgencyDirectory agencies, TaskRelations relations)
{
    public AgencyDirectory Agencies => agencies;

    public TaskRelations Relations => relations;

    public static string NameOf(string provinceId, ResourceStamp stamp)
        => TaskName.Pattern.Format(provinceId, stamp.DirectiveResourceId!, stamp.ResourceId);

    public TaskResource ToResource(DirectiveTask task, ResourceStamp stamp, TaskClock? clock)
    {
        var name = NameOf(provinceId, stamp);
        var resource = new TaskResource
        {
            Name = name,
            Number = task.Number.ToString(),
            ParentTask = relations.ParentOf(task, stamp),
            Title = task.Title,
            Content = task.Content,
            LeadAgency = agencies.NameOf(task.LeadAgencyId),
            OriginalDeadline = DeadlineMapping.ToContract(task.OriginalDeadline),
            Deadline = DeadlineMapping.ToContract(task.Deadline),
            DeadlineTime = task.DueAt is { } dueAt ? Timestamp.FromDateTimeOffset(dueAt) : null,
            State = ToContract(task.State),
            CancelReason = task.CancellationReason ?? "",
            CompleteTime = task.CompletedAt is { } completedAt ? Timestamp.FromDateTimeOffset(completedAt) : null,
            Etag = stamp.Etag,
            RevisionId = stamp.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(stamp.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(stamp.UpdateTime),
            DeleteTime = stamp.DeleteTime is { } deleted ? Timestamp.FromDateTimeOffset(deleted) : null,
            PurgeTime = stamp.PurgeTime is { } purge ? Timestamp.FromDateTimeOffset(purge) : null,
        };
        resource.CooperatingAgencies.AddRange(task.CooperatingAgencyIds.Select(agencies.NameOf));
        for (var i = 0; i < task.Extensions.Count; i++)
        {
            resource.Extensions.Add(ToContract(task.Extensions[i], relations.RecordOf(name, i, task.Extensions.Count)));
        }

        var taskName = new TaskName(provinceId, stamp.DirectiveResourceId!, stamp.ResourceId);
        var latest = LatestMeasurements(task, taskName);
        resource.Targets.AddRange(task.Targets.Select(t => TargetMapping.ToContract(t, latest.GetValueOrDefault(t.Id))));

        var reports = task.Reports.OrderBy(r => r.SubmittedAt).ToList();
        if (reports.Count > 0)
        {
            resource.LastReportTime = Timestamp.FromDateTimeOffset(reports[^1].SubmittedAt);
        }

        // The lead agency answers for the task: its latest report says how far along the task is.
        resource.PercentComplete = task.State == TaskState.Completed
            ? 100
            : reports.LastOrDefault(r => r.AgencyId == task.LeadAgencyId)?.PercentComplete ?? 0;

        if (clock is not null)
        {
            var timeliness = task.TimelinessAt(clock.Now);
            resource.Timeliness = ToContract(timeliness);
            resource.DaysLate = DaysLate(task, timeliness, clock);
        }

        return resource;
    }

    public static TaskResource.Types.State ToContract(TaskState state) => state switch
    {
        TaskState.NotStarted => TaskResource.Types.State.NotStarted,
        TaskState.InProgress => TaskResource.Types.State.InProgress,
        TaskState.Completed => TaskResource.Types.State.Completed,
        _ => TaskResource.Types.State.Cancelled,
    };

    public static TaskResource.Types.Timeliness ToContract(Timeliness timeliness) => timeliness switch
    {
        Timeliness.InTime => TaskResource.Types.Timeliness.InTime,
        Timeliness.OnTime => TaskResource.Types.Timeliness.OnTime,
        Timeliness.CompletedLate => TaskResource.Types.Timeliness.CompletedLate,
        Timeliness.Overdue => TaskResource.Types.Timeliness.Overdue,
        _ => TaskResource.Types.Timeliness.NotApplicable,
    };

    /// <summary>Whole calendar days from the deadline's last day to today (overdue) or to the completion date (late).</summary>
    private static int DaysLate(DirectiveTask task, Timeliness timeliness, TaskClock clock)
    {
        if (task.Deadline.LastDay is not { } lastDay)
        {
            return 0;
        }

        return timeliness switch
        {
            Timeliness.Overdue => Math.Max(0, clock.Today.DayNumber - lastDay.DayNumber),
            Timeliness.CompletedLate => Math.Max(0, clock.DateOf(task.CompletedAt!.Value).DayNumber - lastDay.DayNumber),
            _ => 0,
        };
    }

    private static Dictionary<Guid, LatestMeasurement> LatestMeasurements(DirectiveTask task, TaskName taskName)
    {
        var latest = new Dictionary<Guid, LatestMeasurement>();
        foreach (var report in task.Reports.OrderBy(r => r.SubmittedAt))
        {
            foreach (var measurement in report.Measurements)
            {
                latest[measurement.TargetId] = new LatestMeasurement(measurement, ReportMapping.NameOf(taskName, report.Id), report.SubmittedAt);
            }
        }

        return latest;
    }

    private static ContractExtension ToContract(DeadlineExtension extension, ExtensionRecord? record) => new()
    {
        PreviousDeadline = DeadlineMapping.ToContract(extension.PreviousDeadline),
        NewDeadline = DeadlineMapping.ToContract(extension.NewDeadline),
        Reason = extension.Reason,
        ApprovingDecision = extension.ApprovingDecision.Text,
        ApprovedBy = extension.ApprovedBy,
        ApproveTime = Timestamp.FromDateTimeOffset(extension.ApprovedAt),
        Recorder = record is null ? null : ActorMapping.ToContract(record.Recorder),
        RecordTime = record is null ? null : Timestamp.FromDateTimeOffset(record.RecordTime),
    };
}
