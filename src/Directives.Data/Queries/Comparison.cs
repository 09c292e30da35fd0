namespace Directives.Data.Queries;

/// <summary>The comparisons of an AIP-160 filter on a value.</summary>
public enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
