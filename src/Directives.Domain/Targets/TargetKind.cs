namespace Directives.Domain.Targets;

public enum TargetKind
{
    /// <summary>The measured value itself is compared: a rate of 75%, a count of 12.</summary>
    Absolute = 1,

    /// <summary>
    /// The signed change against the baseline period, in percent, is compared:
    /// (measured − baseline) / baseline × 100. "Down at least 5% against 2022" is AtMost −5.
    /// </summary>
    PercentChange = 2,
}
