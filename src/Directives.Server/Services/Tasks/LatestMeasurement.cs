using Directives.Domain.Targets;

namespace Directives.Server.Services.Tasks;

/// <summary>The latest measurement of a target among a task's reports, and the report that carried it.</summary>
/// <param name="Measurement">The measured value.</param>
/// <param name="ReportName">The report's resource name.</param>
/// <param name="SubmitTime">When that report was submitted.</param>
internal sealed record LatestMeasurement(TargetMeasurement Measurement, string ReportName, DateTimeOffset SubmitTime);
