using System.Globalization;
using Directives.Domain.Targets;
using Directives.Domain.Tasks;
using Directives.Domain.Time;

namespace Directives.Server.DemoData;

/// <summary>
/// One demo task: what the directive says (number, title, lead and cooperating agencies, deadline,
/// targets) and what happened to it afterwards (reports, extensions, completion), each on its date.
/// </summary>
internal sealed class TaskBuilder
{
    /// <summary>
    /// Opens every demo report: the directives may be real, the progress on them is invented, and
    /// nobody browsing the demo should mistake its figures for a province's statistics.
    /// </summary>
    public const string IllustrativeReportPrefix = "[Dữ liệu minh họa] ";

    private readonly DemoDataBuilder _data;
    private readonly string _name;
    private readonly string _number;
    private readonly string _title;
    private readonly string _lead;
    private readonly IReadOnlyList<string> _cooperating;
    private readonly Deadline _deadline;
    private readonly List<(string Key, TargetDetails Details)> _targets = [];
    private readonly List<(DateTimeOffset At, Action<DirectiveTask> Apply)> _events = [];
    private readonly HashSet<string> _reportIds = new(StringComparer.Ordinal);

    internal TaskBuilder(
        DemoDataBuilder data, string name, string number, string title, string lead, IReadOnlyList<string> cooperating, Deadline deadline, string? anchor, string content)
    {
        _data = data;
        _name = name;
        _number = number;
        _title = title;
        _lead = lead;
        _cooperating = cooperating;
        _deadline = deadline;
        Anchor = anchor;
        Content = content;
    }

    /// <summary>As printed: "3.1".</summary>
    public string Number => _number;

    /// <summary>The words that open the task in its seed document.</summary>
    public string? Anchor { get; }

    /// <summary>The task's text, for a directive without a seed.</summary>
    public string Content { get; }

    /// <summary>
    /// A numeric target. With a <paramref name="baselinePeriod"/> it is a percent change against that
    /// period ("giảm ít nhất 5% so với năm 2022" is AtMost −5); otherwise the value itself is compared.
    /// </summary>
    public TaskBuilder Target(
        string key, string metric, TargetComparator comparator, decimal value, string unit, Period? baselinePeriod = null, decimal? baselineValue = null)
    {
        _targets.Add((key, new TargetDetails
        {
            Id = TargetId(key),
            Metric = metric,
            Comparator = comparator,
            Value = value,
            Unit = unit,
            Kind = baselinePeriod is null ? TargetKind.Absolute : TargetKind.PercentChange,
            BaselinePeriod = baselinePeriod,
            BaselineValue = baselineValue,
        }));
        return this;
    }

    /// <summary>An agency's report, submitted in the morning of <paramref name="on"/>.</summary>
    public TaskBuilder Report(
        DateOnly on,
        ReportKind kind,
        string agency,
        int percentComplete,
        string text,
        string submittedBy,
        Period? period = null,
        IReadOnlyList<DemoMeasurement>? measurements = null)
    {
        var reportId = ReportId(on, agency);
        var at = DemoTimeline.At(on, 9).AddMinutes(_events.Count);
        void Apply(DirectiveTask task)
        {
            var details = new ReportDetails
            {
                Kind = kind,
                AgencyId = _data.Agencies.IdOf(agency),
                Period = period,
                Text = IllustrativeReportPrefix + text,
                PercentComplete = percentComplete,
                Measurements = (measurements ?? []).Select(m => new TargetMeasurement(TargetId(m.Target), m.Value, m.BaselineValue)).ToArray(),
                SubmittedBy = submittedBy,
            };
            task.SubmitReport(_data.Register($"{_name}/reports/{reportId}"), details, at);
        }

        _events.Add((at, Apply));
        return this;
    }

    /// <summary>An approved extension (gia hạn), approved in the morning of <paramref name="approvedOn"/>.</summary>
    public TaskBuilder Extend(DateOnly approvedOn, Deadline newDeadline, string reason, string decision, string approvedBy)
    {
        var at = DemoTimeline.At(approvedOn, 10).AddMinutes(_events.Count);
        _events.Add((at, task => task.ExtendDeadline(new DeadlineExtensionDetails
        {
            NewDeadline = newDeadline,
            Reason = reason,
            ApprovingDecision = decision,
            ApprovedAt = at,
            ApprovedBy = approvedBy,
        })));
        return this;
    }

    /// <summary>The lead marks the task done in the afternoon of <paramref name="on"/>.</summary>
    public TaskBuilder Complete(DateOnly on)
    {
        var at = DemoTimeline.At(on, 16).AddMinutes(_events.Count);
        _events.Add((at, task => task.Complete(at)));
        return this;
    }

    internal TaskDetails Details(string content) => new()
    {
        Number = _number,
        Title = _title,
        Content = content,
        LeadAgencyId = _data.Agencies.IdOf(_lead),
        CooperatingAgencyIds = _cooperating.Select(_data.Agencies.IdOf).ToArray(),
        OriginalDeadline = _deadline,
        Targets = _targets.Select(t => t.Details).ToArray(),
    };

    internal DemoResource<DirectiveTask> Build(Guid directiveId, TaskDetails details)
    {
        var task = DirectiveTask.Create(_data.Register(_name), directiveId, details);
        foreach (var (at, apply) in _events.OrderBy(e => e.At))
        {
            if (_data.Timeline.HasHappened(at))
            {
                apply(task);
            }
        }

        return new DemoResource<DirectiveTask>(_name[(_name.LastIndexOf('/') + 1)..], _name, task);
    }

    // Targets are not resources; their ids only have to be stable and unique within the task.
    private Guid TargetId(string key) => DemoIds.For($"{_name}/targets/{key}");

    private string ReportId(DateOnly on, string agency)
    {
        var id = $"{on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{agency}";
        for (var n = 2; !_reportIds.Add(id); n++)
        {
            id = $"{on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{agency}-{n}";
        }

        return id.Length <= 63 ? id : throw new InvalidOperationException($"Report id {id} is longer than 63 characters.");
    }
}
