using Directives.Data.Resources;
using Directives.Domain.Tasks;
using Directives.Domain.Validation;
using Directives.Server.Api;
using Google.Protobuf.WellKnownTypes;
using ContractReport = Directives.Contracts.V1.ProgressReport;
using ContractReportKind = Directives.Contracts.V1.ProgressReport.Types.Kind;

namespace Directives.Server.Services.Tasks;

/// <summary>Progress reports: the request's report into the domain's <see cref="ReportDetails"/>, and a filed report back.</summary>
internal static class ReportMapping
{
    /// <summary>The report's ID in its name: derived from its Guid, as the Data layer keeps no other.</summary>
    public static string ResourceIdOf(Guid reportId) => ResourceIds.FromGuid(reportId);

    public static string NameOf(TaskName task, Guid reportId)
        => ReportName.Pattern.Format(task.Province, task.Directive, task.Task, ResourceIdOf(reportId));

    public static ContractReport ToContract(ProgressReport report, TaskName task, AgencyDirectory agencies)
    {
        var result = new ContractReport
        {
            Name = NameOf(task, report.Id),
            Kind = ToContract(report.Kind),
            Agency = agencies.NameOf(report.AgencyId),
            Period = report.Period is { } period ? PeriodMapping.ToContract(period) : null,
            Text = report.Text,
            PercentComplete = report.PercentComplete,
            Submitter = SubmitterText.ToActor(report.SubmittedBy),
            SubmitTime = Timestamp.FromDateTimeOffset(report.SubmittedAt),
        };
        result.Measurements.AddRange(report.Measurements.Select(TargetMapping.ToContract));

        // A report never changes: its etag is a hash of its content, the same on every read.
        result.Etag = ETags.FromContent(result);
        return result;
    }

    public static ContractReportKind ToContract(ReportKind kind) => kind switch
    {
        ReportKind.Periodic6Month => ContractReportKind.SixMonthly,
        ReportKind.Annual => ContractReportKind.Annual,
        ReportKind.AdHoc => ContractReportKind.AdHoc,
        _ => ContractReportKind.Completion,
    };

    /// <summary>The report as the domain takes it; problems of the request's own form are added to <paramref name="violations"/>.</summary>
    public static ReportDetails FromContract(
        ContractReport report, DirectiveTask task, string submittedBy, AgencyDirectory agencies, RequestViolations violations)
    {
        var kind = report.Kind switch
        {
            ContractReportKind.SixMonthly => ReportKind.Periodic6Month,
            ContractReportKind.Annual => ReportKind.Annual,
            ContractReportKind.AdHoc => ReportKind.AdHoc,
            ContractReportKind.Completion => ReportKind.Completion,
            _ => default,
        };
        if (kind == default)
        {
            violations.Add(TaskFields.Kind, "is required: SIX_MONTHLY, ANNUAL, AD_HOC or COMPLETION");
        }

        // A merged agency still reports on the tasks it was given before the merger.
        var agency = agencies.Resolve(report.Agency, TaskFields.Agency, violations, mayBeMerged: TaskAgencies.Of(task));
        var measurements = new List<Domain.Targets.TargetMeasurement>(report.Measurements.Count);
        for (var i = 0; i < report.Measurements.Count; i++)
        {
            measurements.Add(TargetMapping.FromContract(report.Measurements[i], FieldPaths.Item(TaskFields.Measurements, i), violations));
        }

        return new ReportDetails
        {
            Kind = kind,
            AgencyId = agency ?? Guid.NewGuid(),
            Period = report.Period is { } period ? PeriodMapping.FromContract(period, TaskFields.Period, violations) : null,
            Text = InputText.Nfc(report.Text),
            PercentComplete = report.PercentComplete,
            Measurements = measurements,
            SubmittedBy = submittedBy,
        };
    }
}
