using Directives.Server.Api;

namespace Directives.Server.Services.Tasks;

/// <summary>
/// The filter's <c>agency = "A"</c>, which binds to <c>(lead_agency = "A" OR cooperating_agencies:"A")</c>,
/// as one condition again: "A leads or cooperates" is one lookup in the task-agency index, where the OR of
/// two lookups makes SQLite and PostgreSQL scan every task. The combined condition is written as
/// <c>lead_agency</c> with the "has" operator, which no filter can spell (the binder allows only <c>=</c>
/// and <c>!=</c> on a single name), so <see cref="TaskFilterMapping"/> knows it for what it is.
/// </summary>
internal static class AgencyShorthand
{
    public const string Field = "lead_agency";

    public static BoundFilter Combine(BoundFilter filter)
        => filter.Root is null ? filter : filter with { Root = Combine(filter.Root) };

    /// <summary>Whether <paramref name="condition"/> is a combined "leads or cooperates" condition.</summary>
    public static bool IsLeadsOrCooperates(FilterCondition condition) => condition.Field.Name == Field && condition.Operator == FilterOperator.Has;

    private static FilterExpression Combine(FilterExpression node) => node switch
    {
        FilterOr { Operands: [FilterCondition lead, FilterCondition cooperating] } when IsPair(lead, cooperating) => lead with { Operator = FilterOperator.Has },
        FilterOr { Operands: [FilterCondition cooperating, FilterCondition lead] } when IsPair(lead, cooperating) => lead with { Operator = FilterOperator.Has },
        FilterAnd and => and with { Operands = [.. and.Operands.Select(Combine)] },
        FilterOr or => or with { Operands = [.. or.Operands.Select(Combine)] },
        FilterNot not => not with { Operand = Combine(not.Operand) },
        _ => node,
    };

    private static bool IsPair(FilterCondition lead, FilterCondition cooperating)
        => lead is { Operator: FilterOperator.Equal, Field.Name: Field }
            && cooperating is { Operator: FilterOperator.Has, Field.Name: "cooperating_agencies" }
            && Equals(lead.Value, cooperating.Value);
}
