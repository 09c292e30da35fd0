namespace Directives.Server.DemoData;

/// <summary>A value a demo report gives for one of its task's targets, named by the target's key.</summary>
/// <param name="Target">The key the target was declared with: "toi-pham-ttxh".</param>
/// <param name="Value">The measured value, in the target's unit.</param>
/// <param name="BaselineValue">For a percent-change target, the baseline period's value.</param>
internal sealed record DemoMeasurement(string Target, decimal Value, decimal? BaselineValue = null);
