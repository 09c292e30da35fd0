using Directives.Domain.Targets;
using Directives.Domain.Time;

namespace Directives.Domain.Tasks;

/// <summary>
/// One agency's report on its part of a task (báo cáo). Reports are records: once submitted they do
/// not change; a correction is a new report, and the latest measurement of a target wins.
/// </summary>
public sealed class ProgressReport
{
    private readonly List<TargetMeasurement> _measurements = [];

    private ProgressReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public ReportKind Kind { get; private set; }

    public Guid AgencyId { get; private set; }

    public Period? Period { get; private set; }

    public string Text { get; private set; } = "";

    public int PercentComplete { get; private set; }

    public IReadOnlyList<TargetMeasurement> Measurements => _measurements;

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    internal static ProgressReport Create(Guid id, Guid taskId, ReportDetails details, string text, string submittedBy, DateTimeOffset submittedAt)
    {
        var report = new ProgressReport
        {
            Id = id,
            TaskId = taskId,
            Kind = details.Kind,
            AgencyId = details.AgencyId,
            Period = details.Period,
            Text = text,
            PercentComplete = details.PercentComplete,
            SubmittedBy = submittedBy,
            SubmittedAt = submittedAt.ToUniversalTime(),
        };
        report._measurements.AddRange(details.Measurements);
        return report;
    }
}
