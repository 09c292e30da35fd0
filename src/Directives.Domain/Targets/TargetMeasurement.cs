namespace Directives.Domain.Targets;

/// <summary>A value a progress report gives for one of the task's targets.</summary>
/// <param name="TargetId">The target measured.</param>
/// <param name="Value">The measured value for the report's period, in the target's unit.</param>
/// <param name="BaselineValue">
/// For a percent-change target, the value in the baseline period when the report states it (it then
/// wins over the target's own <see cref="Target.BaselineValue"/>); otherwise null.
/// </param>
public sealed record TargetMeasurement(Guid TargetId, decimal Value, decimal? BaselineValue = null);
