namespace Directives.Domain.Targets;

/// <summary>How a measured value must stand against the target value.</summary>
public enum TargetComparator
{
    /// <summary>Ít nhất, đạt: measured ≥ target ("100% tin báo được tiếp nhận").</summary>
    AtLeast = 1,

    /// <summary>Không quá: measured ≤ target.</summary>
    AtMost = 2,

    /// <summary>Trên: measured &gt; target ("tỷ lệ khám phá đạt trên 75%").</summary>
    Above = 3,

    /// <summary>Dưới: measured &lt; target.</summary>
    Below = 4,
}
