using Directives.Domain.Directives;
using Directives.Domain.Targets;
using Directives.Domain.Time;
using Directives.Domain.Validation;

namespace Directives.Domain.Tasks;

/// <summary>
/// A numbered task of a directive (nhiệm vụ): who leads and who cooperates, when it is due, what it
/// must achieve, its workflow, its approved extensions and the reports agencies file on it.
/// </summary>
/// <remarks>
/// Named DirectiveTask so it never collides with <see cref="System.Threading.Tasks.Task"/>. Time is
/// always passed in, so callers decide the clock (a <see cref="TimeProvider"/> at the edge).
/// </remarks>
public sealed class DirectiveTask
{
    private readonly List<Guid> _cooperatingAgencyIds = [];
    private readonly List<Target> _targets = [];
    private readonly List<DeadlineExtension> _extensions = [];
    private readonly List<ProgressReport> _reports = [];

    private DirectiveTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid DirectiveId { get; private set; }

    public TaskNumber Number { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public string Content { get; private set; } = "";

    public Guid LeadAgencyId { get; private set; }

    public IReadOnlyList<Guid> CooperatingAgencyIds => _cooperatingAgencyIds;

    /// <summary>The deadline the directive set, kept whatever extensions follow.</summary>
    public Deadline OriginalDeadline { get; private set; } = Deadline.Standing;

    /// <summary>The deadline in force: the latest extension's, or the original.</summary>
    public Deadline Deadline { get; private set; } = Deadline.Standing;

    /// <summary>The last on-time instant of <see cref="Deadline"/>, in UTC; null for standing tasks. Stored to filter on.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public TaskState State { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public IReadOnlyList<Target> Targets => _targets;

    public IReadOnlyList<DeadlineExtension> Extensions => _extensions;

    public IReadOnlyList<ProgressReport> Reports => _reports;

    public bool IsOpen => State is TaskState.NotStarted or TaskState.InProgress;

    public static DirectiveTask Create(Guid id, Guid directiveId, TaskDetails details)
    {
        var violations = new ViolationCollector();
        violations.RequiredId("id", id);
        violations.RequiredId(TaskFields.Directive, directiveId);
        var valid = Check(details, violations);
        violations.ThrowIfAny();

        var task = new DirectiveTask { Id = id, DirectiveId = directiveId, State = TaskState.NotStarted };
        task.Apply(valid!);
        return task;
    }

    /// <summary>
    /// Replaces the entered fields. <see cref="TaskDetails.OriginalDeadline"/> is the original deadline: once
    /// extended, it changes only through <see cref="ExtendDeadline"/>. A target that has been
    /// measured cannot be removed.
    /// </summary>
    public void Update(TaskDetails details)
    {
        var violations = new ViolationCollector();
        var valid = Check(details, violations);
        if (valid is not null)
        {
            if (_extensions.Count > 0 && valid.Deadline != OriginalDeadline && valid.Deadline != Deadline)
            {
                violations.Add(TaskFields.OriginalDeadline, "has been extended; change it with an approved extension, not an edit");
            }

            foreach (var target in _targets)
            {
                if (!valid.Targets.Any(t => t.Id == target.Id) && IsMeasured(target.Id))
                {
                    violations.Add(TaskFields.Targets, $"target {target.Id} ({target.Metric}) has reported measurements and cannot be removed");
                }
            }
        }

        violations.ThrowIfAny();
        Apply(valid!);
    }

    /// <summary>Whether the agency leads or cooperates on this task.</summary>
    public bool Involves(Guid agencyId) => agencyId == LeadAgencyId || _cooperatingAgencyIds.Contains(agencyId);

    public void Start()
    {
        RequireState("start", TaskState.NotStarted);
        State = TaskState.InProgress;
    }

    public void Complete(DateTimeOffset completedAt)
    {
        RequireState("complete", TaskState.NotStarted, TaskState.InProgress);
        State = TaskState.Completed;
        CompletedAt = completedAt.ToUniversalTime();
    }

    /// <summary>Takes a completed or cancelled task back to work; its completion or cancellation is forgotten.</summary>
    public void Reopen()
    {
        RequireState("reopen", TaskState.Completed, TaskState.Cancelled);
        State = TaskState.InProgress;
        CompletedAt = null;
        CancellationReason = null;
    }

    public void Cancel(string reason)
    {
        RequireState("cancel", TaskState.NotStarted, TaskState.InProgress);
        var violations = new ViolationCollector();
        var checkedReason = violations.RequiredLine(TaskFields.Reason, reason, TextLimits.NoteMaxLength);
        violations.ThrowIfAny();
        State = TaskState.Cancelled;
        CancellationReason = checkedReason;
    }

    /// <summary>
    /// Records an approved extension. The new deadline must end later than the one in force; the
    /// original stays in <see cref="OriginalDeadline"/> and each step in <see cref="Extensions"/>.
    /// </summary>
    public DeadlineExtension ExtendDeadline(DeadlineExtensionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!IsOpen)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"A {State} task's deadline cannot be extended; reopen it first.");
        }

        if (Deadline.IsStanding)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, "A standing task has no deadline to extend.");
        }

        var violations = new ViolationCollector();
        if (details.NewDeadline is null)
        {
            violations.Add(TaskFields.NewDeadline, "is required");
        }
        else if (details.NewDeadline.IsStanding)
        {
            violations.Add(TaskFields.NewDeadline, "must be a date or a period");
        }
        else if (details.NewDeadline.DueAt <= DueAt)
        {
            violations.Add(TaskFields.NewDeadline, $"{details.NewDeadline} does not end after the deadline in force, {Deadline}");
        }

        var reason = violations.RequiredLine(TaskFields.Reason, details.Reason, TextLimits.NoteMaxLength);
        if (!NumberAndSymbol.TryParse(details.ApprovingDecision, out var decision, out var error))
        {
            violations.Add(TaskFields.ApprovingDecision, error);
        }

        if (details.ApprovedAt == default)
        {
            violations.Add(TaskFields.ApprovedAt, "is required");
        }

        var approvedBy = violations.RequiredLine(TaskFields.ApprovedBy, details.ApprovedBy, TextLimits.NameMaxLength);
        violations.ThrowIfAny();

        var extension = DeadlineExtension.Create(
            _extensions.Count + 1, Deadline, details.NewDeadline!, reason!, decision!, details.ApprovedAt, approvedBy!);
        _extensions.Add(extension);
        SetDeadline(extension.NewDeadline);
        return extension;
    }

    /// <summary>
    /// Files an agency's report. The first report on a task that has not started starts it; a
    /// cancelled task takes no reports.
    /// </summary>
    public ProgressReport SubmitReport(Guid reportId, ReportDetails details, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (State == TaskState.Cancelled)
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, "A cancelled task takes no reports.");
        }

        var violations = new ViolationCollector();
        violations.RequiredId("id", reportId);
        if (reportId != Guid.Empty && _reports.Any(r => r.Id == reportId))
        {
            violations.Add("id", "is already used by another report on this task");
        }

        violations.Defined(TaskFields.Kind, details.Kind);
        if (details.AgencyId == Guid.Empty)
        {
            violations.Add(TaskFields.Agency, "is required");
        }
        else if (!Involves(details.AgencyId))
        {
            violations.Add(TaskFields.Agency, "is neither the lead nor a cooperating agency of this task");
        }

        CheckReportPeriod(details, violations);
        var text = violations.RequiredVerbatim(TaskFields.Text, details.Text, TextLimits.ReportTextMaxLength);
        if (details.PercentComplete is < 0 or > 100)
        {
            violations.Add(TaskFields.PercentComplete, $"must be between 0 and 100, not {details.PercentComplete}");
        }
        else if (details.Kind == ReportKind.Completion && details.PercentComplete != 100)
        {
            violations.Add(TaskFields.PercentComplete, "must be 100 in a completion report");
        }

        CheckMeasurements(details.Measurements, violations);
        var submittedBy = violations.RequiredLine(TaskFields.SubmittedBy, details.SubmittedBy, TextLimits.NameMaxLength);
        violations.ThrowIfAny();

        var report = ProgressReport.Create(reportId, Id, details, text!, submittedBy!, submittedAt);
        _reports.Add(report);
        if (State == TaskState.NotStarted)
        {
            State = TaskState.InProgress;
        }

        return report;
    }

    /// <summary>
    /// How the task stands against its deadline at <paramref name="now"/>. The deadline ends at
    /// 23:59:59.9999999 of its last day in Asia/Ho_Chi_Minh, so a task due 30/06 is overdue from
    /// 30/06 17:00:00Z.
    /// </summary>
    public Timeliness TimelinessAt(DateTimeOffset now)
    {
        if (State == TaskState.Cancelled || DueAt is not { } dueAt)
        {
            return Timeliness.NotApplicable;
        }

        if (State == TaskState.Completed)
        {
            return CompletedAt <= dueAt ? Timeliness.OnTime : Timeliness.CompletedLate;
        }

        return now > dueAt ? Timeliness.Overdue : Timeliness.InTime;
    }

    /// <summary>Each target judged from its latest measurement across all reports (by submission time).</summary>
    public IReadOnlyList<TargetEvaluation> EvaluateTargets()
    {
        var latest = new Dictionary<Guid, (TargetMeasurement Measurement, DateTimeOffset At)>();
        foreach (var report in _reports.OrderBy(r => r.SubmittedAt))
        {
            foreach (var measurement in report.Measurements)
            {
                latest[measurement.TargetId] = (measurement, report.SubmittedAt);
            }
        }

        return _targets
            .Select(target => latest.TryGetValue(target.Id, out var found)
                ? target.Evaluate(found.Measurement) with { MeasuredAt = found.At }
                : target.Evaluate(null))
            .ToArray();
    }

    internal static ValidTask? Check(TaskDetails? details, ViolationCollector violations)
    {
        if (details is null)
        {
            violations.Add("", "is missing");
            return null;
        }

        var before = violations.Violations.Count;
        if (!TaskNumber.TryParse(details.Number, out var number, out var numberError))
        {
            violations.Add(TaskFields.Number, numberError);
        }

        var title = violations.RequiredLine(TaskFields.Title, details.Title, TextLimits.TitleMaxLength);
        var content = details.Content ?? "";
        if (content.Length > TextLimits.ContentMaxLength)
        {
            violations.Add(TaskFields.Content, $"is longer than {TextLimits.ContentMaxLength} characters ({content.Length})");
        }

        violations.RequiredId(TaskFields.LeadAgency, details.LeadAgencyId);
        var cooperating = CheckCooperating(details.LeadAgencyId, details.CooperatingAgencyIds, violations);
        if (details.OriginalDeadline is null)
        {
            violations.Add(TaskFields.OriginalDeadline, "is required; a task without a due date is standing (thường xuyên)");
        }

        var targets = new List<Target>();
        var targetIds = new Dictionary<Guid, int>();
        for (var i = 0; i < (details.Targets?.Count ?? 0); i++)
        {
            var item = violations.Item(TaskFields.Targets, i);
            var target = Target.Create(details.Targets![i], item);
            if (details.Targets[i] is { } given && given.Id != Guid.Empty && !targetIds.TryAdd(given.Id, i))
            {
                item.Add("target_id", $"repeats targets[{targetIds[given.Id]}]");
                continue;
            }

            if (target is not null)
            {
                targets.Add(target);
            }
        }

        return violations.Violations.Count > before
            ? null
            : new ValidTask(number!, title!, content, details.LeadAgencyId, cooperating, details.OriginalDeadline!, targets);
    }

    private static List<Guid> CheckCooperating(Guid lead, IReadOnlyList<Guid>? agencies, ViolationCollector violations)
    {
        var result = new List<Guid>();
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < (agencies?.Count ?? 0); i++)
        {
            var field = FieldPath.Item(TaskFields.CooperatingAgencies, i);
            var agency = agencies![i];
            if (agency == Guid.Empty)
            {
                violations.Add(field, "is not a valid agency id");
            }
            else if (agency == lead)
            {
                violations.Add(field, "is the lead agency; an agency cannot both lead and cooperate", ErrorReasons.LeadAgencyAlsoCooperating);
            }
            else if (!seen.TryAdd(agency, i))
            {
                violations.Add(field, $"repeats cooperating_agencies[{seen[agency]}]");
            }
            else
            {
                result.Add(agency);
            }
        }

        return result;
    }

    private static void CheckReportPeriod(ReportDetails details, ViolationCollector violations)
    {
        var required = details.Kind switch
        {
            ReportKind.Periodic6Month => PeriodKind.HalfYear,
            ReportKind.Annual => PeriodKind.Year,
            _ => (PeriodKind?)null,
        };

        if (required is null)
        {
            return;
        }

        if (details.Period is null)
        {
            violations.Add(TaskFields.Period, $"is required for a {details.Kind} report");
        }
        else if (details.Period.Kind != required)
        {
            violations.Add(TaskFields.Period, $"a {details.Kind} report covers a {required} period, not {details.Period}");
        }
    }

    private void CheckMeasurements(IReadOnlyList<TargetMeasurement>? measurements, ViolationCollector violations)
    {
        violations.AtMost(TaskFields.Measurements, measurements, ListLimits.Measurements);
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < (measurements?.Count ?? 0); i++)
        {
            var item = violations.Item(TaskFields.Measurements, i);
            var measurement = measurements![i];
            if (measurement is null)
            {
                item.Add("", "is missing");
                continue;
            }

            var target = _targets.FirstOrDefault(t => t.Id == measurement.TargetId);
            if (target is null)
            {
                item.Add("target_id", "is not a target of this task");
                continue;
            }

            if (!seen.TryAdd(target.Id, i))
            {
                item.Add("target_id", $"is already measured in measurements[{seen[target.Id]}]");
            }

            if (target.Kind != TargetKind.PercentChange)
            {
                if (measurement.BaselineValue is not null)
                {
                    item.Add("baseline_value", "applies only to percent-change targets");
                }
            }
            else if (measurement.BaselineValue is <= 0)
            {
                item.Add("baseline_value", "must be greater than zero to compute a percent change");
            }
            else if (measurement.BaselineValue is null && target.BaselineValue is null)
            {
                item.Add("baseline_value", $"is required: the target has no value for its baseline {target.BaselinePeriod}");
            }
        }
    }

    private bool IsMeasured(Guid targetId) => _reports.Any(r => r.Measurements.Any(m => m.TargetId == targetId));

    private void RequireState(string action, params ReadOnlySpan<TaskState> allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new DomainRuleException(ErrorReasons.InvalidStateTransition, $"Cannot {action} a task that is {State}.");
        }
    }

    private void Apply(ValidTask valid)
    {
        Number = valid.Number;
        Title = valid.Title;
        Content = valid.Content;
        LeadAgencyId = valid.LeadAgencyId;
        _cooperatingAgencyIds.Clear();
        _cooperatingAgencyIds.AddRange(valid.CooperatingAgencyIds);
        if (_extensions.Count == 0)
        {
            OriginalDeadline = valid.Deadline;
            SetDeadline(valid.Deadline);
        }

        _targets.RemoveAll(existing => !valid.Targets.Any(t => t.Id == existing.Id));
        foreach (var target in valid.Targets)
        {
            var existing = _targets.FirstOrDefault(t => t.Id == target.Id);
            if (existing is null)
            {
                _targets.Add(target);
            }
            else
            {
                existing.CopyFrom(target);
            }
        }

        // Keep the order the caller gave, as the directive lists them.
        _targets.Sort((a, b) => IndexOf(valid.Targets, a.Id).CompareTo(IndexOf(valid.Targets, b.Id)));
    }

    private static int IndexOf(List<Target> targets, Guid id) => targets.FindIndex(t => t.Id == id);

    private void SetDeadline(Deadline deadline)
    {
        Deadline = deadline;
        DueAt = deadline.DueAt;
    }

    internal sealed record ValidTask(
        TaskNumber Number,
        string Title,
        string Content,
        Guid LeadAgencyId,
        List<Guid> CooperatingAgencyIds,
        Deadline Deadline,
        List<Target> Targets);
}
