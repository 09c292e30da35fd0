namespace Directives.Domain.Committees;

/// <summary>A committee's composition as a decision (quyết định kiện toàn) sets it.</summary>
public sealed record CompositionDetails
{
    /// <summary>The decision's number and symbol, e.g. "1234/QĐ-UBND".</summary>
    public required string Decision { get; init; }

    /// <summary>The day the decision was signed, when known.</summary>
    public DateOnly? DecisionDate { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required IReadOnlyList<MemberDetails> Members { get; init; }
}
