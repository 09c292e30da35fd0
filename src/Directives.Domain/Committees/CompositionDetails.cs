namespace Directives.Domain.Committees;

/// <summary>A committee's composition as a decision (quyết định kiện toàn) sets it.</summary>
public sealed record CompositionDetails
{
    /// <summary>The decision's number and symbol, e.g. "1234/QĐ-UBND".</summary>
    public required string Decision { get; init; }

    /// <summary>The day the decision was signed, when known.</summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>The first day the composition is in force.</summary>
    public required DateOnly EffectiveDate { get; init; }

    /// <summary>Every member, in the decision's order.</summary>
    public required IReadOnlyList<MemberDetails> Members { get; init; }
}
